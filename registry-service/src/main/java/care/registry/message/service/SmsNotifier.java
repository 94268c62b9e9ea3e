package care.registry.message.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SMS through an HTTP gateway ({@code care.notify.sms.url}). The contract: a POST of
 * {@code {"to": "<mobile>", "text": "<title>：<body> <link>", "reference": "<message id>"}} as JSON, with
 * {@code Authorization: Bearer <care.notify.sms.token>} when a token is set; any 2xx answer means the gateway took it,
 * anything else (or no answer within {@code care.notify.sms.timeout}) is a failure to retry. The reference is the same
 * on every retry, so a gateway can drop a repeat of a message it already sent.
 */
@ApplicationScoped
@Identifier("sms")
public class SmsNotifier implements Notifier {

    private final NotifyConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    public SmsNotifier(NotifyConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.sms().timeout()).build();
    }

    @Override
    public void send(Notification n) throws IOException, InterruptedException {
        if (n.phone() == null || n.phone().isBlank()) {
            throw new Notification.NoAddress("sms");
        }
        URI url = config.sms().url().orElseThrow(() ->
                new IllegalStateException("care.notify.channel=sms needs care.notify.sms.url"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", n.phone());
        body.put("text", n.title() + "：" + n.body() + " " + n.link());
        body.put("reference", n.messageId().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(config.sms().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        config.sms().token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("SMS gateway answered " + answer.statusCode());
        }
    }
}
