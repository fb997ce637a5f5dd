s = 'abc'
s.upper().nothing()
