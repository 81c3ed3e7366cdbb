package dev.migrate.engine.database;

import javax.net.SocketFactory;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket factory for pgjdbc ({@code socketFactory} driver property) that counts the client's
 * exchanges with the server over every socket it made: a write after a read (or the first write)
 * starts a new one, so a batch sent in several writes before the answer is read counts once.
 */
public final class ExchangeCountingSocketFactory extends SocketFactory {
    static final AtomicInteger EXCHANGES = new AtomicInteger();
    static final AtomicInteger SOCKETS = new AtomicInteger();

    static void reset() {
        EXCHANGES.set(0);
        SOCKETS.set(0);
    }

    @Override
    public Socket createSocket() {
        SOCKETS.incrementAndGet();
        return new CountingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return createSocket(address, port);
    }

    private static final class CountingSocket extends Socket {
        private boolean answered = true;
        private InputStream input;
        private OutputStream output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        answered = true;
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        answered = true;
                        return super.read(b, off, len);
                    }
                };
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        sent();
                        out().write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        sent();
                        out().write(b, off, len);
                    }

                    private OutputStream out() {
                        return this.out;
                    }
                };
            }
            return output;
        }

        private void sent() {
            if (answered) {
                EXCHANGES.incrementAndGet();
                answered = false;
            }
        }
    }
}
