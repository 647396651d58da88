#!/usr/bin/env python3
"""A TCP proxy that counts bytes, for bench/scale.sh: what a client *receives* is what crosses the wire from the
server, whatever the client (bbpush, curl, git). Usage: byteproxy.py LISTEN_PORT_FILE UPSTREAM_HOST UPSTREAM_PORT
It listens on a free loopback port (written to LISTEN_PORT_FILE) and on a second one (written to LISTEN_PORT_FILE.stats)
that answers "<bytes server->client> <bytes client->server>" and resets both counters on each connection."""
import socket
import sys
import threading

lock = threading.Lock()
down = 0
up = 0


def pipe(src, dst, direction):
    global down, up
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            with lock:
                if direction == "down":
                    down += len(data)
                else:
                    up += len(data)
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def serve(listener, host, port):
    while True:
        client, _ = listener.accept()
        try:
            server = socket.create_connection((host, port))
        except OSError:
            client.close()
            continue
        for s in (client, server):
            s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=pipe, args=(client, server, "up"), daemon=True).start()
        threading.Thread(target=pipe, args=(server, client, "down"), daemon=True).start()


def stats(listener):
    global down, up
    while True:
        c, _ = listener.accept()
        with lock:
            c.sendall(f"{down} {up}\n".encode())
            down = up = 0
        c.close()


def listen():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", 0))
    s.listen(64)
    return s


main, st = listen(), listen()
with open(sys.argv[1] + ".stats", "w") as f:
    f.write(str(st.getsockname()[1]))
with open(sys.argv[1], "w") as f:
    f.write(str(main.getsockname()[1]))
threading.Thread(target=stats, args=(st,), daemon=True).start()
serve(main, sys.argv[2], int(sys.argv[3]))
