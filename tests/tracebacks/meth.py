class C: pass
c = C()
c.nothing(1)
