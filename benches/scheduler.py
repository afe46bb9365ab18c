# Method calls and attribute access on class instances: a small cooperative scheduler in
# the style of richards. Tasks of several kinds (idle, worker, handler, device) pass
# packets through queues; every step is a method call that reads and writes attributes.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
BUFSIZE = 4


class Packet:
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
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = queue is None
        self.link = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        p = self.queue
        self.queue = p.link
        self.waiting = False
        return p

    def receive(self, packet):
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.waiting = False
            return self.priority > self.scheduler.current.priority
        self.queue = packet.append_to(self.queue)
        return False


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        Task.__init__(self, scheduler, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def run(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.scheduler.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.count = 0

    def run(self, packet):
        if packet is None:
            return self.scheduler.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.work = None
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == WORKER:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            count = work.datum
            if count < BUFSIZE:
                if self.devices is not None:
                    dev = self.devices
                    self.devices = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.scheduler.send(dev)
            else:
                self.work = work.link
                return self.scheduler.send(work)
        return self.scheduler.wait()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None)
        self.pending = None

    def run(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.wait()
            p = self.pending
            self.pending = None
            return self.scheduler.send(p)
        self.pending = packet
        self.scheduler.output += packet.datum
        return self.scheduler.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.current = None
        self.output = 0
        self.switches = 0

    def find(self, ident):
        return self.table[ident]

    def hold_self(self):
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.find(ident)
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def send(self, packet):
        t = self.find(packet.ident)
        if t.receive(packet):
            return t
        return self.current

    def schedule(self):
        t = self.tasks
        while t is not None:
            if t.runnable():
                self.switches += 1
                self.current = t
                packet = None
                if t.queue is not None:
                    packet = t.take_packet()
                t = t.run(packet)
            else:
                t = t.link


def run_once(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    q = Packet(None, WORKER, WORKER)
    q = Packet(q, WORKER, WORKER)
    WorkerTask(s, WORKER, 1000, q)
    q = Packet(None, DEVICE_A, DEVICE_A)
    q = Packet(q, DEVICE_A, DEVICE_A)
    q = Packet(q, DEVICE_A, DEVICE_A)
    HandlerTask(s, HANDLER_A, 2000, q)
    q = Packet(None, DEVICE_B, DEVICE_B)
    q = Packet(q, DEVICE_B, DEVICE_B)
    q = Packet(q, DEVICE_B, DEVICE_B)
    HandlerTask(s, HANDLER_B, 3000, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s.switches, s.output


def main():
    results = []
    for i in range(90):
        results.append(run_once(5000 + i * 100))
    return results[0], results[-1], sum(r[0] for r in results)


result = main()
assert result == ((15013, 345165), (41713, 959229), 2552670), result
print("scheduler", result)
