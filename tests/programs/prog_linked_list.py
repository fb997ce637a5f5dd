# Singly linked list class with iteration, insertion, removal, reversal
class Node:
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, items=()):
        self.head, self.size = None, 0
        for it in items:
            self.append(it)
    def append(self, value):
        if self.head is None:
            self.head = Node(value)
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = Node(value)
        self.size += 1
    def push_front(self, value):
        self.head, self.size = Node(value, self.head), self.size + 1
    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev: prev.next = cur.next
                else: self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self.size
    def __getitem__(self, i):
        i = i + self.size if i < 0 else i
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("linked list index out of range")
    def __repr__(self):
        return "LinkedList(" + repr(list(self)) + ")"
ll = LinkedList([3, 1, 4])
print(ll, len(ll))
ll.append(1)
ll.push_front(9)
print(ll, len(ll), ll[0], ll[-1], ll[2])
print(ll.remove(1), ll, ll.remove(42), ll.remove(9), ll)
ll.reverse()
print(ll, list(ll), 4 in ll, 7 in ll, sum(ll))
try:
    ll[10]
except IndexError as e:
    print("IndexError", e)
words = LinkedList("the quick brown fox".split())
print(words, [w.upper() for w in words], max(words, key=len))
empty = LinkedList()
empty.reverse()
print(empty, len(empty), list(empty), bool(empty), 3 in empty)
def merge_sorted(a, b):
    out = LinkedList()
    ia, ib = iter(a), iter(b)
    x, y = next(ia, None), next(ib, None)
    while x is not None or y is not None:
        if y is None or (x is not None and x <= y):
            out.append(x)
            x = next(ia, None)
        else:
            out.append(y)
            y = next(ib, None)
    return out
print(merge_sorted(LinkedList([1, 4, 6, 9]), LinkedList([2, 3, 7, 10, 11])))
