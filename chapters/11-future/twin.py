# Twin of chapter 11: a Future starts empty and is done once it has a result.
from asyncio import Future

box = Future()
print(f"Is my_future done? {box.done()}")
box.set_result(42)
print(f"Is my_future done? {box.done()}")
print(f"What is the result of my_future? {box}")
