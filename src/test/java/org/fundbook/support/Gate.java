package org.fundbook.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port in front of the service that a test can close and open again, as a village loses and regains its
 * signal: while closed, nothing listens on the port (a browser's connection is refused, its service worker's
 * too) and every open connection is cut. Counts the connections it let through, so a test can show that no
 * request reached the service while it was away.
 */
public final class Gate implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong toBrowser = new java.util.concurrent.atomic.AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    public Gate(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket first = bind(0);
        this.port = first.getLocalPort();
        start(first);
    }

    public int port() {
        return port;
    }

    /** Connections let through to the service since the gate was made. */
    public int connections() {
        return connections.get();
    }

    /** Bytes the service sent back through the gate (headers and compressed bodies, as the wire carried them). */
    public long bytesToBrowser() {
        return toBrowser.get();
    }

    public boolean isOpen() {
        return listener != null;
    }

    /** Nothing listens on the port any more, and every connection through it is cut. */
    public synchronized void close() {
        ServerSocket l = listener;
        listener = null;
        if (l != null) {
            try {
                l.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
    }

    /** Listens on the same port again. */
    public synchronized void open() throws IOException {
        if (listener == null) {
            start(bind(port));
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void start(ServerSocket socket) {
        listener = socket;
        Thread accept = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    connections.incrementAndGet();
                    open.add(client);
                    open.add(server);
                    AtomicInteger directions = new AtomicInteger(2);
                    pipe(client, server, directions, null);
                    pipe(server, client, directions, toBrowser);
                } catch (IOException e) {
                    // closed, or the service refused: the browser sees its connection end
                }
            }
        }, "gate-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    private void pipe(Socket from, Socket to, AtomicInteger directions,
                      java.util.concurrent.atomic.AtomicLong counted) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    if (counted != null) {
                        counted.addAndGet(n);
                    }
                    out.flush();
                }
            } catch (IOException ignored) {
                // one side closed
            } finally {
                try {
                    if (directions.decrementAndGet() == 0) {
                        from.close();
                        to.close();
                        open.remove(from);
                        open.remove(to);
                    } else {
                        to.shutdownOutput();
                    }
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "gate-pipe");
        t.setDaemon(true);
        t.start();
    }
}
