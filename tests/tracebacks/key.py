d = {}
print(d['missing'])
