#!/usr/bin/env python3
"""An independent reader of PHONE-THEFT-REPORT/1, written from HANDOVER.md
alone (Python 3.11, standard library only). It checks the conformance
vectors: python3 handover/reference.py handover/vectors.json"""

import json, re, sys, zlib

HEADER, PREFIX, CRC = "PHONE-THEFT-REPORT/1", "PHONE-THEFT-REPORT/", "CRC32: "
ROWS = ["FOR", "IMEI", "PHONE", "MAKE", "MODEL", "EVENT", "WHEN", "CRIME-REF|LOST-REF",
        "POLICE", "INSURER", "POLICY", "CLAIM", "NAME", "ADDRESS", "CRC32"]
ROW = {key: row for row, keys in enumerate(ROWS) for key in keys.split("|")}
REQUIRED = ["FOR", "EVENT", "WHEN"]
INSURER_ONLY = {"INSURER", "POLICY", "CLAIM", "NAME", "ADDRESS"}
FREE_TEXT = {"MAKE": 20, "MODEL": 40, "POLICE": 40, "INSURER": 40, "NAME": 50, "ADDRESS": 120}
REFERENCES = {"CRIME-REF", "LOST-REF", "POLICY", "CLAIM"}
EVENTS = {"robbery", "theft", "burglary", "lost"}
BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x2028, 0x2029}
DIGITS = re.compile(r"[0-9]+")


class Refused(Exception):
    def __init__(self, line, reason, key=None, **detail):
        super().__init__(reason)
        self.error = {"line": line, "reason": reason, "key": key, **detail}


def forbidden(c):
    return ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or ord(c) in BIDI


def luhn(body):
    total = sum(d if i % 2 == 0 else (2 * d) // 10 + (2 * d) % 10 for i, d in enumerate(map(int, body)))
    return (10 - total % 10) % 10


def e164(typed):
    """The E.164 form of a number whose country can be told, else None."""
    compact = re.sub(r"[ .\-/]", "", typed)
    international = compact.startswith(("+", "00"))
    if international:
        compact = compact.replace("(0)", "", 1)
    compact = re.sub(r"[()]", "", compact)
    if compact.startswith("+"):
        digits = compact[1:]
    elif compact.startswith("00"):
        digits = compact[2:]
    elif len(compact) == 11 and compact.startswith("0"):
        digits = "44" + compact[1:]
    else:
        return None
    if digits.startswith("440"):
        digits = "44" + digits[3:]
    ok = 7 <= len(digits) <= 15 and DIGITS.fullmatch(digits) and not digits.startswith(("0", "440"))
    return "+" + digits if ok else None


def real_date(y, m, d):
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= m <= 12 and 1 <= d <= days[m - 1]


def good_when(v):
    m = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})([+-])([0-9]{2}):([0-9]{2}))?", v)
    if not m or not real_date(*map(int, m.group(1, 2, 3))):
        return False
    if m.group(4) is None:
        return True
    hour, minute, oh, om = map(int, m.group(4, 5, 7, 8))
    offset = (oh * 60 + om) * (-1 if m.group(6) == "-" else 1)
    negative_zero = m.group(6) == "-" and offset == 0
    return hour < 24 and minute < 60 and om < 60 and -720 <= offset <= 840 and not negative_zero


def good_value(key, v, raw):
    if key == "FOR":
        return v in ("network provider", "insurer")
    if key == "EVENT":
        return v in EVENTS
    if key == "WHEN":
        return good_when(v)
    if key == "IMEI":
        return len(v) == 15 and DIGITS.fullmatch(v) is not None
    if key == "PHONE":
        kept = re.fullmatch(r"[0-9 +\-().\/]{1,20}", v) and re.search("[0-9]", v) and v == v.strip()
        return v == e164(v) if e164(v) else bool(kept)
    if key in REFERENCES:
        return 0 < len(v) <= 30 and v == v.strip() and all(" " <= c <= "~" and c != "\\" for c in v)
    return 0 < len(raw.encode()) <= FREE_TEXT[key] and v == v.strip()


def unescape(raw):
    out, chars = [], iter(raw)
    for c in chars:
        if c == "\\":
            c = {"\\": "\\", "n": "\n"}.get(next(chars, None))
            if c is None:
                return None
        out.append(c)
    return "".join(out)


def decode(text):
    if len(text.encode()) > 4096:
        raise Refused(1, "too-long")
    text = text.removeprefix("\ufeff").rstrip("\r\n")
    if not text:
        raise Refused(1, "empty")
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if lines[0] != HEADER:
        version = lines[0].removeprefix(PREFIX)
        if lines[0].startswith(PREFIX) and DIGITS.fullmatch(version) and version[0] != "0":
            raise Refused(1, "unsupported-version", version=int(version))
        raise Refused(1, "not-a-report-code")
    if not lines[-1].startswith(CRC):
        first = next((n for n, line in enumerate(lines, 1) if line.startswith(CRC)), None)
        if first is not None:
            raise Refused(first + 1, "text-after-checksum")
        raise Refused(len(lines), "missing-checksum")
    seen, imeis, fields, recipient, event = [], [], {}, None, None
    for number, line in enumerate(lines[1:-1], 2):
        bad = next((c for c in line if forbidden(c)), None)
        if bad is not None:
            raise Refused(number, "forbidden-character", character=f"U+{ord(bad):04X}")
        if ": " not in line:
            raise Refused(number, "not-key-value")
        key, raw = line.split(": ", 1)
        if key not in ROW:
            raise Refused(number, "unknown-key")
        if key == "CRC32" or (seen and ROW[key] < ROW[seen[-1]]):
            raise Refused(number, "out-of-order", key)
        if seen and ROW[key] == ROW[seen[-1]] and key != "IMEI":
            raise Refused(number, "repeated", key)
        if key == "IMEI" and len(imeis) == 2:
            raise Refused(number, "too-many-imeis")
        last_row = ROW[seen[-1]] if seen else -1
        for required in REQUIRED:
            if last_row < ROW[required] < ROW[key]:
                raise Refused(number, "missing-key", required)
        if key in INSURER_ONLY and recipient == "network provider":
            raise Refused(number, "not-for-recipient", key)
        value = unescape(raw)
        if value is None:
            raise Refused(number, "bad-escape")
        if key in ("CRIME-REF", "LOST-REF") and (key == "LOST-REF") != (event == "lost"):
            raise Refused(number, "wrong-reference-kind", key)
        if not good_value(key, value, raw):
            raise Refused(number, "bad-value", key)
        seen.append(key)
        if key == "IMEI":
            imeis.append({"imei": value, "check_digit_ok": luhn(value[:14]) == int(value[14])})
            if not imeis[-1]["check_digit_ok"]:
                imeis[-1]["expected_check_digit"] = luhn(value[:14])
        elif key == "FOR":
            recipient = value
        else:
            fields[key] = value
            event = value if key == "EVENT" else event
    checksum = lines[-1].removeprefix(CRC)
    if not re.fullmatch(r"[0-9A-F]{8}", checksum):
        raise Refused(len(lines), "bad-value", "CRC32")
    covered = "".join(line + "\n" for line in lines[:-1]).encode()
    if format(zlib.crc32(covered), "08X") != checksum:
        raise Refused(len(lines), "checksum-mismatch")
    for required in REQUIRED:
        if required not in seen:
            raise Refused(len(lines), "missing-key", required)
    return {"valid": True, "recipient": recipient, "imeis": imeis, "fields": fields}


def outcome(code):
    try:
        return decode(code)
    except Refused as refused:
        return {"valid": False, "error": refused.error}


def expected(vector):
    if vector["valid"]:
        return {k: vector[k] for k in ("valid", "recipient", "imeis", "fields")}
    error = {k: vector["error"].get(k) for k in ("line", "reason", "key")}
    error.update({k: vector["error"][k] for k in ("character", "version") if k in vector["error"]})
    return {"valid": False, "error": error}


def main(path):
    with open(path, encoding="utf-8") as file:
        vectors = json.load(file)["vectors"]
    wrong = [(v["name"], expected(v), got) for v in vectors if (got := outcome(v["code"])) != expected(v)]
    for name, want, got in wrong:
        print(f"{name}:\n  expected {json.dumps(want, ensure_ascii=False)}\n  got      {json.dumps(got, ensure_ascii=False)}")
    print(f"{len(vectors) - len(wrong)} passed, {len(wrong)} failed")
    return 1 if wrong else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 handover/reference.py handover/vectors.json")
    sys.exit(main(sys.argv[1]))
