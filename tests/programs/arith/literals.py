# Numeric literal forms.
print(0xFF, 0xff, 0o17, 0b1010, 0B11, 0O7, 0X1f, 1_000_000, 0x_FF_FF, 0b_1111_0000)
print(1., .5, 1e3, 1E-3, 1_000.5, 1e+2, 2.5e-3, 0.0, 00.5, 1_0.0_1)
print(9223372036854775807, 0x7FFFFFFFFFFFFFFF, 0o777, 0b0, 0, 00, 1e0)
print(True, False, None, 'single', "double", '''triple''', """triple double""")
print("adjacent " "strings " 'are joined')
print(-0x10, -0b101, -1e-3, +1.5)
