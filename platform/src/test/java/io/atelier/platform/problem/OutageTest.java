package io.atelier.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.atelier.platform.storage.ImageStore;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class OutageTest {

    @Test
    void aDatabaseThatDoesNotAnswerIsAnOutageWhereverItSitsInTheCauses() {
        // what the API-key lookup raised while PostgreSQL restarted: refused (08001), then shut down under the connection (57P01)
        assertThat(Outage.of(new IllegalStateException("could not look up an API key", new SQLException("Connection refused", "08001"))))
                .contains(Outage.DATABASE);
        assertThat(Outage.of(new RuntimeException("could not execute statement",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).contains(Outage.DATABASE);
        assertThat(Outage.of(new RuntimeException(new SQLException("This connection has been closed.", "08003")))).contains(Outage.DATABASE);
        assertThat(Outage.of(new RuntimeException(new SQLTransientConnectionException("pool")))).contains(Outage.DATABASE);
    }

    @Test
    void s3ThatDoesNotAnswerIsAStorageOutage() {
        assertThat(Outage.of(new ImageStore.StorageUnavailableException("S3 is unreachable", new ConnectException("refused"))))
                .contains(Outage.STORAGE);
        assertThat(Outage.of(new java.util.concurrent.CompletionException(
                new ImageStore.StorageUnavailableException("S3 is unreachable", new ConnectException("refused"))))).contains(Outage.STORAGE);
    }

    @Test
    void whatARetryCannotMendIsNoOutage() {
        assertThat(Outage.of(new RuntimeException(new SQLException("duplicate key value violates unique constraint", "23505")))).isEmpty();
        assertThat(Outage.of(new ImageStore.StorageException("S3 request failed: AccessDenied", null))).isEmpty();
        assertThat(Outage.of(new IllegalStateException("a bug"))).isEmpty();
        RuntimeException loop = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", loop);
        loop.initCause(inner);
        assertThat(Outage.of(loop)).isEmpty();
    }

    @Test
    void theProblemSaysWhatDidNotAnswerAndIsTheDocumentedType() {
        Problem p = Outage.STORAGE.problem();
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.type()).isEqualTo(ProblemType.UNAVAILABLE.type());
        assertThat(p.detail()).startsWith("Image storage (S3) did not answer").contains("Try again");
        assertThat(ProblemType.UNAVAILABLE.retryAfter()).isTrue();
    }
}
