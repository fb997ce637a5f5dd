# Richards: Martin Richards' operating-system task scheduler simulation.
#
# A small kernel runs an idle task, a worker task, two handler tasks and two
# device tasks that pass packets between each other.  The run is checked by
# counting how often tasks were held and how many packets were queued.

# Task identities
I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6

# Packet kinds
K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4
BUFSIZE_RANGE = range(BUFSIZE)

TASKTABSIZE = 10

EXPECTED_HOLDS = 9297
EXPECTED_QPKTS = 23246

tracing = False
layout = 0


def trace(a):
    global layout
    layout -= 1
    if layout <= 0:
        print()
        layout = 50
    print(a, end="")


class Packet(object):

    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return queue


# Task records: per-task private state

class TaskRec(object):
    pass


class DeviceTaskRec(TaskRec):

    def __init__(self):
        self.pending = None


class IdleTaskRec(TaskRec):

    def __init__(self):
        self.control = 1
        self.count = 10000


class HandlerTaskRec(TaskRec):

    def __init__(self):
        self.work_in = None
        self.device_in = None

    def work_in_add(self, p):
        self.work_in = p.append_to(self.work_in)
        return self.work_in

    def device_in_add(self, p):
        self.device_in = p.append_to(self.device_in)
        return self.device_in


class WorkerTaskRec(TaskRec):

    def __init__(self):
        self.destination = I_HANDLERA
        self.count = 0


class TaskState(object):

    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def is_packet_pending(self):
        return self.packet_pending

    def is_task_waiting(self):
        return self.task_waiting

    def is_task_holding(self):
        return self.task_holding

    def is_task_holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class TaskWorkArea(object):

    def __init__(self):
        self.task_tab = [None] * TASKTABSIZE
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0


work_area = TaskWorkArea()


class Task(TaskState):

    def __init__(self, ident, priority, queue, state, handle):
        self.link = work_area.task_list
        self.ident = ident
        self.priority = priority
        self.input = queue
        self.packet_pending = state.is_packet_pending()
        self.task_waiting = state.is_task_waiting()
        self.task_holding = state.is_task_holding()
        self.handle = handle
        work_area.task_list = self
        work_area.task_tab[ident] = self

    def fn(self, pkt, rec):
        raise NotImplementedError

    def add_packet(self, pkt, old):
        if self.input is None:
            self.input = pkt
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            pkt.append_to(self.input)
        return old

    def run_task(self):
        if self.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packet_pending_state()
        else:
            msg = None
        return self.fn(msg, self.handle)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        work_area.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.find_tcb(ident)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.find_tcb(pkt.ident)
        work_area.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)

    def find_tcb(self, ident):
        t = work_area.task_tab[ident]
        if t is None:
            raise Exception("Bad task id %d" % ident)
        return t


class DeviceTask(Task):

    def __init__(self, ident, priority, queue, state, handle):
        Task.__init__(self, ident, priority, queue, state, handle)

    def fn(self, pkt, rec):
        dev = rec
        assert isinstance(dev, DeviceTaskRec)
        if pkt is None:
            pkt = dev.pending
            if pkt is None:
                return self.wait_task()
            dev.pending = None
            return self.qpkt(pkt)
        dev.pending = pkt
        if tracing:
            trace(pkt.datum)
        return self.hold()


class HandlerTask(Task):

    def __init__(self, ident, priority, queue, state, handle):
        Task.__init__(self, ident, priority, queue, state, handle)

    def fn(self, pkt, rec):
        h = rec
        assert isinstance(h, HandlerTaskRec)
        if pkt is not None:
            if pkt.kind == K_WORK:
                h.work_in_add(pkt)
            else:
                h.device_in_add(pkt)
        work = h.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            h.work_in = work.link
            return self.qpkt(work)
        dev = h.device_in
        if dev is None:
            return self.wait_task()
        h.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):

    def __init__(self, ident, priority, queue, state, handle):
        Task.__init__(self, ident, 0, None, state, handle)

    def fn(self, pkt, rec):
        idle = rec
        assert isinstance(idle, IdleTaskRec)
        idle.count -= 1
        if idle.count == 0:
            return self.hold()
        elif idle.control & 1 == 0:
            idle.control //= 2
            return self.release(I_DEVA)
        else:
            idle.control = idle.control // 2 ^ 0xD008
            return self.release(I_DEVB)


A = ord('A')


class WorkTask(Task):

    def __init__(self, ident, priority, queue, state, handle):
        Task.__init__(self, ident, priority, queue, state, handle)

    def fn(self, pkt, rec):
        w = rec
        assert isinstance(w, WorkerTaskRec)
        if pkt is None:
            return self.wait_task()
        if w.destination == I_HANDLERA:
            dest = I_HANDLERB
        else:
            dest = I_HANDLERA
        w.destination = dest
        pkt.ident = dest
        pkt.datum = 0
        for i in BUFSIZE_RANGE:
            w.count += 1
            if w.count > 26:
                w.count = 1
            pkt.data[i] = A + w.count - 1
        return self.qpkt(pkt)


def schedule():
    t = work_area.task_list
    while t is not None:
        if tracing:
            print("tcb =", t.ident)
        if t.is_task_holding_or_waiting():
            t = t.link
        else:
            if tracing:
                trace(chr(ord("0") + t.ident))
            t = t.run_task()


class Richards(object):

    def run(self, iterations):
        ok = 0
        for i in range(iterations):
            work_area.hold_count = 0
            work_area.qpkt_count = 0
            work_area.task_list = None
            work_area.task_tab = [None] * TASKTABSIZE

            IdleTask(I_IDLE, 1, 10000, TaskState().running(), IdleTaskRec())

            queue = Packet(None, 0, K_WORK)
            queue = Packet(queue, 0, K_WORK)
            WorkTask(I_WORK, 1000, queue,
                     TaskState().waiting_with_packet(), WorkerTaskRec())

            queue = Packet(None, I_DEVA, K_DEV)
            queue = Packet(queue, I_DEVA, K_DEV)
            queue = Packet(queue, I_DEVA, K_DEV)
            HandlerTask(I_HANDLERA, 2000, queue,
                        TaskState().waiting_with_packet(), HandlerTaskRec())

            queue = Packet(None, I_DEVB, K_DEV)
            queue = Packet(queue, I_DEVB, K_DEV)
            queue = Packet(queue, I_DEVB, K_DEV)
            HandlerTask(I_HANDLERB, 3000, queue,
                        TaskState().waiting_with_packet(), HandlerTaskRec())

            queue = None
            DeviceTask(I_DEVA, 4000, queue, TaskState().waiting(), DeviceTaskRec())
            DeviceTask(I_DEVB, 5000, queue, TaskState().waiting(), DeviceTaskRec())

            schedule()

            if (work_area.hold_count == EXPECTED_HOLDS
                    and work_area.qpkt_count == EXPECTED_QPKTS):
                ok += 1
            else:
                print("iteration %d: bad counts hold=%d qpkt=%d"
                      % (i, work_area.hold_count, work_area.qpkt_count))
        return ok


def main():
    iterations = 10
    r = Richards()
    ok = r.run(iterations)
    print("holdCount", work_area.hold_count)
    print("qpktCount", work_area.qpkt_count)
    print("iterations ok: %d/%d" % (ok, iterations))
    print("richards", "passed" if ok == iterations else "FAILED")


if __name__ == "__main__":
    main()
