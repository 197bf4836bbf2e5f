# Twin of chapter 11: a Future starts empty and is done once it has a result.
from asyncio import Future

my_future = Future()  # no loop runs: making and filling a Future needs none
print(f"Is my_future done? {my_future.done()}")

my_future.set_result(42)
print(f"Is my_future done? {my_future.done()}")
print(f"What is the result of my_future? {my_future}")
