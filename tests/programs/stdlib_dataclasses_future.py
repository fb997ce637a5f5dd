# dataclasses under `from __future__ import annotations`: the annotations are text.
from __future__ import annotations
import dataclasses
import typing
from dataclasses import dataclass, field, InitVar
from typing import ClassVar


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = field(default_factory=list)
    count: ClassVar[int] = 0
    other: typing.ClassVar[str] = 'o'
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.price = self.price * scale
        Item.count += 1


it = Item('pen', 2.5, scale=2)
print(it, Item.count, Item.other, [f.name for f in dataclasses.fields(it)])
print([f.type for f in dataclasses.fields(Item)], Item.__doc__)
print(Item.__annotations__)


@dataclass(frozen=True, order=True)
class Key:
    a: int
    b: 'str' = 'x'


print(sorted([Key(2), Key(1, 'z'), Key(1, 'a')]), Key.__doc__, hash(Key(1)) == hash((1, 'x')))
