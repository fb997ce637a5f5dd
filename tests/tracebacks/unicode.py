s = 'héllo'
v = s + 1
