package io.atelier.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ImageKeysTest {
    private static final UUID SESSION = UUID.fromString("6f1c2f9e-8d1b-4c47-9a57-2b1e8f0c7d11");

    @Test
    void aKeyBelongsOnlyToItsOwnWorkspaceAndSession() {
        String sha = "a".repeat(64);
        assertThat(ImageKeys.belongsTo(ImageKeys.image("acme", SESSION, sha, "png"), "acme", SESSION)).isTrue();
        assertThat(ImageKeys.belongsTo(ImageKeys.thumbnail("acme", SESSION, sha), "acme", SESSION)).isTrue();
        assertThat(ImageKeys.belongsTo(ImageKeys.image("globex", SESSION, sha, "png"), "acme", SESSION)).isFalse();
        assertThat(ImageKeys.belongsTo(ImageKeys.image("acme", UUID.randomUUID(), sha, "png"), "acme", SESSION)).isFalse();
        assertThat(ImageKeys.belongsTo("acme-corp/" + SESSION + "/" + sha + ".png", "acme", SESSION)).isFalse();
        assertThat(ImageKeys.belongsTo("acme/" + SESSION + "/../../globex/x/" + sha + ".png", "acme", SESSION)).isFalse();
        assertThat(ImageKeys.belongsTo("acme/" + SESSION + "//" + sha + ".png", "acme", SESSION)).isFalse();
        assertThat(ImageKeys.belongsTo(null, "acme", SESSION)).isFalse();
    }
}
