package dev.bbpush.emulator.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every response a {@code Content-Type}: one that leaves without one (an empty {@code 201} from
 * {@code POST …/src}, a {@code 204}, the {@code 302} of {@code GET …/src}, a bare {@code 401}) gets {@link #EMPTY_BODY}.
 *
 * <p>Bitbucket's service always sends the header, and widely used clients depend on it: node-bitbucket reads
 * {@code headers.get("content-type").includes(…)} on every answer and fails the call when the header is missing
 * (docs/emulator-fidelity.md, "Content-Type on every response"). The header is added where the response is committed
 * (the first write of the core response, which every servlet path, error page and empty completion goes through), so
 * no servlet has to remember it; a type a handler set (JSON, raw file types, Git's own types) is never replaced.
 */
public final class DefaultContentType extends Handler.Wrapper {
    /**
     * The type of a response without a body: what Bitbucket's Django application sends by default (the reference does not
     * record it; chosen and documented in docs/emulator-fidelity.md). A {@code text/*} type makes clients read the empty
     * body as text, where {@code application/json} would make them parse an empty document and fail.
     */
    public static final String EMPTY_BODY = "text/html; charset=utf-8";

    private static final HttpField FIELD = new HttpField(HttpHeader.CONTENT_TYPE, EMPTY_BODY);

    public DefaultContentType(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Typed(request, response), callback);
    }

    /** Adds the header just before the response commits, unless one is there. */
    private static final class Typed extends Response.Wrapper {
        Typed(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted() && !getHeaders().contains(HttpHeader.CONTENT_TYPE)) {
                getHeaders().put(FIELD);
            }
            super.write(last, content, callback);
        }
    }
}
