package io.atelier.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atelier.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void ordinaryTextOfAnyScriptPasses() {
        for (String text : new String[] {"TerraBrew hero", "Café crème ☕", "日本語のタイトル", "emoji 👩🏽‍🎨 pair", ""}) {
            assertThat(UserText.check("title", text, UserText.Lines.SINGLE)).isEqualTo(text);
        }
        assertThat(UserText.check("title", null, UserText.Lines.SINGLE)).isNull();
    }

    @Test
    void lineBreaksAndTabsOnlyWhereTextMayBreakLines() {
        assertThat(UserText.check("instruction", "warmer\r\n\tthen crop", UserText.Lines.MULTI)).contains("\t");
        assertThatThrownBy(() -> UserText.check("title", "hero\nshot", UserText.Lines.SINGLE))
                .isInstanceOf(ProblemException.class).hasMessageContaining("U+000A");
    }

    @Test
    void everyOtherControlCharacterAndLoneSurrogatesAreRefused() {
        for (char c : new char[] {0, 1, 7, 0x1b, 0x1f, 0x7f, 0x80, 0x85, 0x9f, '\ud800', '\udc00'}) {
            for (UserText.Lines lines : UserText.Lines.values()) {
                assertThatThrownBy(() -> UserText.check("instruction", "ab" + c + "cd", lines))
                        .as("U+%04X", (int) c).isInstanceOfSatisfying(ProblemException.class, e -> {
                            assertThat(e.problem().status()).isEqualTo(400);
                            assertThat(e.problem().type().toString()).endsWith("/control-character");
                            assertThat(e.problem().detail()).contains("instruction").contains("position 2");
                        });
            }
        }
    }
}
