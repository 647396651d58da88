package dev.bbpush.client;

import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.HttpListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link HttpEvent}. */
public final class RecordingListener implements HttpListener {
    private final List<HttpEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(HttpEvent event) {
        events.add(event);
    }

    public List<HttpEvent> events() {
        return List.copyOf(events);
    }

    public <T extends HttpEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
