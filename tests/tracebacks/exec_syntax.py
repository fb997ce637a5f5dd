source = "x = 1\nif x\n  pass"
exec(source)
