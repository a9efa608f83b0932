package org.cdss.notifications;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.cdss.support.RequiredService;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips (outside CI) or fails (in CI) tests that need the real RabbitMQ on 127.0.0.1:5672. */
class RabbitAvailable implements ExecutionCondition {

    static final String URL = "amqp://guest:guest@127.0.0.1:5672";
    private static final boolean AVAILABLE = answers();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return RequiredService.check(AVAILABLE, "RabbitMQ on 127.0.0.1:5672");
    }

    private static boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
