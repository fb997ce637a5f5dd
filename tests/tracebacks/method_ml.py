s = 'abc'
t = (s
     .upper()
     .missing())
