# kiln: build
# Checksums over byte lists: Luhn, Adler-32, Fletcher-16, CRC-32 (bitwise) and ISBN-10/13 check digits
def luhn_valid(digits):
    total = 0
    double = False
    for i in range(len(digits) - 1, -1, -1):
        d = digits[i]
        if double:
            d *= 2
            if d > 9:
                d -= 9
        total += d
        double = not double
    return total % 10 == 0

def luhn_check_digit(digits):
    for c in range(10):
        trial = digits + [c]
        if luhn_valid(trial):
            return c
    raise RuntimeError("no check digit")

MOD_ADLER = 65521

def adler32(data):
    a = 1
    b = 0
    for x in data:
        a = (a + x) % MOD_ADLER
        b = (b + a) % MOD_ADLER
    return (b << 16) | a

def fletcher16(data):
    s1 = 0
    s2 = 0
    for x in data:
        s1 = (s1 + x) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1

def crc32(data):
    crc = 0xFFFFFFFF
    for x in data:
        crc ^= x
        for _ in range(8):
            if crc & 1:
                crc = (crc >> 1) ^ 0xEDB88320
            else:
                crc >>= 1
    return crc ^ 0xFFFFFFFF

def isbn10_check(d9):
    s = 0
    for i in range(9):
        s += (10 - i) * d9[i]
    c = (11 - s % 11) % 11
    return "X" if c == 10 else str(c)

def isbn13_check(d12):
    s = 0
    for i in range(12):
        s += d12[i] * (1 if i % 2 == 0 else 3)
    return (10 - s % 10) % 10

# "Wikipedia" as ASCII codes
WIKI = [87, 105, 107, 105, 112, 101, 100, 105, 97]
HELLO = [104, 101, 108, 108, 111, 44, 32, 119, 111, 114, 108, 100]
print(f"adler32(Wikipedia) = {adler32(WIKI):#010x} ({adler32(WIKI)})")
print(f"fletcher16(abcde)  = {fletcher16([97, 98, 99, 100, 101]):#06x}")
print(f"crc32(hello, world) = {crc32(HELLO):08X}")
print(f"crc32(123456789)   = {crc32([49, 50, 51, 52, 53, 54, 55, 56, 57]):#x}")
NO_BYTES: list[int] = []
print(f"crc32([])          = {crc32(NO_BYTES)}")
cards = [[4, 5, 3, 9, 1, 4, 8, 8, 0, 3, 4, 3, 6, 4, 6, 7],
         [7, 9, 9, 2, 7, 3, 9, 8, 7, 1, 3],
         [1, 2, 3, 4, 5, 6, 7, 8, 9, 0],
         [0, 0, 0, 0]]
for card in cards:
    s = ""
    for d in card:
        s += str(d)
    print(f"{s:>18} luhn valid: {luhn_valid(card)!s:<5}")
print("check digit for 7992739871:", luhn_check_digit([7, 9, 9, 2, 7, 3, 9, 8, 7, 1]))
print("isbn10 0-306-40615-?", isbn10_check([0, 3, 0, 6, 4, 0, 6, 1, 5]))
print("isbn10 0-8044-2957-?", isbn10_check([0, 8, 0, 4, 4, 2, 9, 5, 7]))
print("isbn13 978-0-306-40615-?", isbn13_check([9, 7, 8, 0, 3, 0, 6, 4, 0, 6, 1, 5]))
block = []
for i in range(5000):
    block.append((i * 31 + 7) % 256)
print(adler32(block), fletcher16(block), crc32(block))
print(f"{~crc32(block) & 0xFFFFFFFF:x} {-crc32(block) >> 3} {crc32(block) << 20}")
