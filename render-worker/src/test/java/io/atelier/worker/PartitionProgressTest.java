package io.atelier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

/** Records answered out of order: the commit never passes an unanswered one, and the ones above it are remembered. */
class PartitionProgressTest {

    @Test
    void theCommittedOffsetStopsAtTheLowestUnansweredRecordAndListsTheAnsweredOnesAbove() {
        PartitionProgress p = PartitionProgress.resume(new OffsetAndMetadata(10));
        p.started(10);
        p.started(11);
        p.started(12);
        p.answered(12);
        p.answered(11);
        assertThat(p.commit()).isEqualTo(new OffsetAndMetadata(10, "11,12"));
        assertThat(p.inFlight()).isEqualTo(1);
        p.answered(10);
        assertThat(p.commit()).isEqualTo(new OffsetAndMetadata(13, ""));
        assertThat(p.inFlight()).isZero();
    }

    @Test
    void aNewOwnerSkipsWhatThePreviousOwnerAnsweredAboveTheCommittedOffset() {
        PartitionProgress p = PartitionProgress.resume(new OffsetAndMetadata(10, "11,12"));
        assertThat(p.alreadyAnswered(10)).isFalse();
        assertThat(p.alreadyAnswered(11)).isTrue();
        assertThat(p.alreadyAnswered(12)).isTrue();
        p.started(10);
        p.started(11);
        p.answered(11);
        // 12 is not polled yet: it stays listed so that it is still skipped after another hand-over
        assertThat(p.commit()).isEqualTo(new OffsetAndMetadata(10, "11,12"));
        p.answered(10);
        assertThat(p.commit().offset()).isEqualTo(12);
        assertThat(p.commit().metadata()).isEqualTo("12");
    }

    @Test
    void withoutACommittedOffsetItStartsAtTheFirstRecordPolled() {
        PartitionProgress p = PartitionProgress.resume(null);
        p.started(5);
        p.started(6);
        p.answered(6);
        assertThat(p.commit()).isEqualTo(new OffsetAndMetadata(5, "6"));
    }
}
