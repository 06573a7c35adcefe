package org.enquirytriage.intake.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTests {

    @Test
    void shouldTurnFullWidthLettersDigitsAndSpacesIntoPlainOnes() {
        assertThat(TextNormaliser.normalise("ＡＢＣ　１３８１２３４５６７８ｘ％＃"))
                .isEqualTo("ABC 13812345678x%#");
    }

    @Test
    void shouldKeepChineseFullWidthPunctuation() {
        assertThat(TextNormaliser.normalise("路灯坏了，请修！为什么？（急）【投诉】时间：今晚；谢谢。"))
                .isEqualTo("路灯坏了，请修！为什么？（急）【投诉】时间：今晚；谢谢。");
    }

    @Test
    void shouldNormaliseWhatStandsBetweenKeptPunctuation() {
        assertThat(TextNormaliser.normalise("电话：１３８１２３４５６７８，房号（１３０２）\u2160"))
                .isEqualTo("电话：13812345678，房号（1302）I");
    }

    @Test
    void shouldComposeDecomposedCharactersNextToKeptPunctuation() {
        assertThat(TextNormaliser.normalise("Cafe\u0301，ﬁ")).isEqualTo("Café，fi");
    }

    @Test
    void shouldCollapseRunsOfWhitespaceAndTrimTheEnds() {
        assertThat(TextNormaliser.normalise("  小区门口\t\t垃圾\r\n\n  没人清理 \u3000 ")).isEqualTo("小区门口 垃圾 没人清理");
    }

    @Test
    void shouldRemoveControlAndInvisibleFormatCharacters() {
        assertThat(TextNormaliser.normalise("路灯\u0000坏了\u200B三天\u202E了\uFEFF\u0007")).isEqualTo("路灯坏了三天了");
    }

    @Test
    void shouldRemoveAnUnpairedSurrogateButKeepAPairedOne() {
        assertThat(TextNormaliser.normalise("好\uD83D评\uD83D\uDC4D")).isEqualTo("好评\uD83D\uDC4D");
    }

    @Test
    void shouldFindATextOfOnlySpacesAndInvisibleCharactersBlank() {
        assertThat(TextNormaliser.isBlank(" \u3000\t\u200B\n")).isTrue();
        assertThat(TextNormaliser.isBlank(null)).isTrue();
        assertThat(TextNormaliser.isBlank(" 有人吗 ")).isFalse();
    }

    @Test
    void shouldCountACharacterOutsideTheBasicPlaneOnce() {
        assertThat(TextNormaliser.length("𠮷野家")).isEqualTo(3);
    }

    @Test
    void shouldLeaveNullAsNull() {
        assertThat(TextNormaliser.normalise(null)).isNull();
    }
}
