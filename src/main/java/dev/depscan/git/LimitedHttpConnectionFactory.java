package dev.depscan.git;

import org.eclipse.jgit.transport.HttpTransport;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnection;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.URL;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * JGit's own JDK connection factory, with every response body counted by {@link TransferLimit}. Installed once for the
 * process ({@link HttpTransport#setConnectionFactory} is global); outside a limited fetch the count is a no-op.
 */
final class LimitedHttpConnectionFactory extends JDKHttpConnectionFactory {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            HttpTransport.setConnectionFactory(new LimitedHttpConnectionFactory());
        }
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        return new Counted(url, null);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        return new Counted(url, proxy);
    }

    /** A JDK connection whose response body is counted. */
    private static final class Counted extends JDKHttpConnection {

        private Counted(URL url, Proxy proxy) throws IOException {
            super(url, proxy == null ? Proxy.NO_PROXY : proxy);
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return TransferLimit.counted(super.getInputStream());
        }
    }
}
