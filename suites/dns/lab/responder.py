#!/usr/bin/python3
"""Scripted DNS responder for libcdiff's DNS lab: faults a real server will not produce on demand.

usage: responder.py READY_FILE ADDR:MODE [ADDR:MODE ...]   (UDP port 53 on each ADDR)
modes:
  servfail       every query gets SERVFAIL
  refused        every query gets REFUSED
  silent         queries are read and never answered
  aaaa-servfail  A queries get 10.0.0.3, AAAA queries get SERVFAIL
  tc-no-tcp      every answer has the TC bit and no records; there is no TCP listener
Runs until killed; the lab's PID namespace guarantees it dies with the lab.
"""
import selectors
import socket
import struct
import sys

RCODE = {"servfail": 2, "refused": 5}


def parse_question(packet):
    """Returns (end offset of the question, qtype) or None for a malformed packet."""
    offset = 12
    while offset < len(packet):
        length = packet[offset]
        if length == 0:
            offset += 1
            break
        offset += 1 + length
    if offset + 4 > len(packet):
        return None
    qtype = struct.unpack("!H", packet[offset:offset + 2])[0]
    return offset + 4, qtype


def respond(mode, packet):
    if len(packet) < 12 or mode == "silent":
        return None
    question = parse_question(packet)
    if question is None:
        return None
    end, qtype = question
    query_id, flags = struct.unpack("!HH", packet[:4])
    rd = flags & 0x0100
    header_flags = 0x8000 | rd | 0x0080  # QR, copy RD, RA
    answers = b""
    count = 0
    if mode in RCODE:
        header_flags |= RCODE[mode]
    elif mode == "aaaa-servfail":
        if qtype == 28:
            header_flags |= 2
        elif qtype == 1:
            answers = struct.pack("!HHHIH", 0xC00C, 1, 1, 60, 4) + socket.inet_aton("10.0.0.3")
            count = 1
    elif mode == "tc-no-tcp":
        header_flags |= 0x0200  # TC
    header = struct.pack("!HHHHHH", query_id, header_flags, 1, count, 0, 0)
    return header + packet[12:end] + answers


def main():
    ready_file, specs = sys.argv[1], sys.argv[2:]
    selector = selectors.DefaultSelector()
    for spec in specs:
        address, mode = spec.split(":")
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((address, 53))
        selector.register(sock, selectors.EVENT_READ, mode)
    with open(ready_file, "w") as ready:
        ready.write("ready\n")
    while True:
        for key, _ in selector.select():
            packet, peer = key.fileobj.recvfrom(4096)
            reply = respond(key.data, packet)
            if reply is not None:
                key.fileobj.sendto(reply, peer)


if __name__ == "__main__":
    main()
