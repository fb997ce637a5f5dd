try:
    [][1]
except IndexError as e:
    raise ValueError('v') from e
