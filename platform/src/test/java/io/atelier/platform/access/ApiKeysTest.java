package io.atelier.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private static final String KEY = "atk_Ab3dEf9h_" + "x".repeat(40) + "-_Z";

    @Test
    void aWellFormedBearerKeyGivesItsPrefixAndTheSha256OfTheWholeKey() {
        var presented = ApiKeys.fromAuthorization("Bearer " + KEY).orElseThrow();
        assertThat(presented.prefix()).isEqualTo("Ab3dEf9h");
        assertThat(presented.hash()).hasSize(64).isEqualTo(ApiKeys.hash(KEY)).doesNotContain(KEY.substring(13));
        assertThat(ApiKeys.fromAuthorization("bearer " + KEY)).contains(presented);
    }

    @Test
    void anythingElseIsNoKeyAtAll() {
        assertThat(ApiKeys.fromAuthorization(null)).isEmpty();
        assertThat(ApiKeys.fromAuthorization(KEY)).isEmpty();                       // no scheme
        assertThat(ApiKeys.fromAuthorization("Basic " + KEY)).isEmpty();
        assertThat(ApiKeys.fromAuthorization("Bearer atk_short_secret")).isEmpty();
        assertThat(ApiKeys.fromAuthorization("Bearer " + KEY + "x")).isEmpty();     // one character too many
        assertThat(ApiKeys.fromAuthorization("Bearer " + KEY.replace('x', '+'))).isEmpty(); // not base64url
        assertThat(ApiKeys.parse("atk_Ab3dEf9h_" + "x".repeat(4000))).isEmpty();
    }

    @Test
    void generatedKeysParseBackToTheirPrefixAndHash() {
        ApiKeys.Issued a = ApiKeys.generate();
        ApiKeys.Issued b = ApiKeys.generate();
        assertThat(a.key()).matches(ApiKeys.FORMAT).hasSize(4 + 8 + 1 + 43);
        assertThat(ApiKeys.parse(a.key())).contains(new ApiKeys.Presented(a.prefix(), a.hash()));
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(a.toString()).doesNotContain(a.key().substring(13));
    }

    @Test
    void differentKeysHashDifferently() {
        assertThat(ApiKeys.hash(KEY)).isNotEqualTo(ApiKeys.hash(KEY.replace('Z', 'Y')));
    }
}
