package care.contracts.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One W3C trace runs from the caller through every service a request touches, across Kafka too. HTTP carries it by
 * itself (quarkus-opentelemetry); an event does not leave when its request does, so the outbox keeps the request's
 * {@code traceparent} with the row, the relay makes it the parent of the record's producer span (the connector writes
 * it into the record's headers) and the consumer applies the record inside the context the connector read back, where
 * the events it publishes in turn take it up. The trace id is what people see: the gateway answers it as X-Request-Id,
 * and log lines and event envelopes carry it.
 */
public final class TraceContexts {

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** The current trace as a {@code traceparent} value, or null outside any trace. */
    public static String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The current trace's id, or null outside any trace. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The context a stored {@code traceparent} names, as a remote parent; the root context for null or garbage. */
    public static Context fromTraceParent(String traceParent) {
        return traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(TRACEPARENT, traceParent), MAP);
    }

    /** Makes the trace the connector read from a consumed record current, until the scope closes. */
    public static Scope enter(Message<?> record) {
        return TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).filter(Objects::nonNull)
                .orElse(Context.current()).makeCurrent();
    }
}
