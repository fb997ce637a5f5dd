# Binary-heap priority queue implemented from scratch, used for task scheduling
class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0
    def __len__(self):
        return len(self.heap)
    def push(self, priority, item):
        self.heap.append((priority, self.counter, item))
        self.counter += 1
        self._up(len(self.heap) - 1)
    def pop(self):
        if not self.heap:
            raise IndexError("pop from empty priority queue")
        top = self.heap[0]
        last = self.heap.pop()
        if self.heap:
            self.heap[0] = last
            self._down(0)
        return top[0], top[2]
    def _up(self, i):
        while i > 0:
            parent = (i - 1) // 2
            if self.heap[i] < self.heap[parent]:
                self.heap[i], self.heap[parent] = self.heap[parent], self.heap[i]
                i = parent
            else:
                break
    def _down(self, i):
        n = len(self.heap)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and self.heap[child] < self.heap[smallest]:
                    smallest = child
            if smallest == i:
                return
            self.heap[i], self.heap[smallest] = self.heap[smallest], self.heap[i]
            i = smallest
pq = PriorityQueue()
for pr, task in [(5, "write docs"), (1, "fix bug"), (3, "review"), (1, "deploy"), (4, "lunch"), (2, "test")]:
    pq.push(pr, task)
    print("pushed", pr, task, "size", len(pq))
while pq:
    print("pop", pq.pop())
try:
    pq.pop()
except IndexError as e:
    print("IndexError", e)
def heapsort(values):
    q = PriorityQueue()
    for v in values:
        q.push(v, v)
    return [q.pop()[1] for _ in range(len(values))]
print(heapsort([9, 4, 7, 1, 8, 2, 2, 6, 3, 5, 0]))
graph = {"A": [("B", 4), ("C", 1)], "B": [("D", 1)], "C": [("B", 2), ("D", 5)], "D": [("E", 3)], "E": []}
def dijkstra(src):
    dist = {src: 0}
    q = PriorityQueue()
    q.push(0, src)
    done = set()
    while q:
        d, node = q.pop()
        if node in done:
            continue
        done.add(node)
        for nxt, w in graph[node]:
            nd = d + w
            if nxt not in dist or nd < dist[nxt]:
                dist[nxt] = nd
                q.push(nd, nxt)
    return dist
print(sorted(dijkstra("A").items()))
print(sorted(dijkstra("C").items()))
