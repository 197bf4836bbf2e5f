# Experiment for chapter 11: cancel the Future instead of giving it a result.
from asyncio import Future

my_future = Future()
print(f"Is my_future done? {my_future.done()}")

my_future.cancel()  # try: cancel() instead of set_result(42)
print(f"Is my_future done? {my_future.done()}")
print(f"What is the result of my_future? {my_future}")
