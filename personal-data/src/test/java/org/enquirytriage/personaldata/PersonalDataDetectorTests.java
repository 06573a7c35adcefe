package org.enquirytriage.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.enquirytriage.personaldata.PersonalDataDetector.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataDetectorTests {

    private final PersonalDataDetector detector = new PersonalDataDetector();

    @ParameterizedTest
    @CsvSource({
            "请拨打13812345678咨询, PHONE",
            "办公电话0591-87654321, PHONE",
            "身份证号11010519491231002X已登记, ID_CARD",
            "工资卡 6222 0202 0000 0000 006 收不到钱, BANK_CARD",
            "邮箱 li.si@example.com 回复, EMAIL",
            "我叫王小明，住在仓山区, NAME",
            "联系人：陈建国, NAME",
            "刘女士反映噪音, NAME" })
    void shouldFindPersonalData(String text, Kind kind) {
        assertThat(detector.find(text)).extracting(PersonalDataDetector.Finding::kind).containsExactly(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "身份证号110105194912310021已登记",
            "工单号 6222020200000000001 已办结",
            "电话138****5678已脱敏",
            "请到社保服务大厅办理，咨询电话12345",
            "2026年10月1日起施行" })
    void shouldLeaveAloneWhatIsNoPersonalData(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    void shouldTellWhereButNotWhat() {
        assertThat(detector.find("电话13812345678")).singleElement().satisfies(finding -> {
            assertThat(finding.start()).isEqualTo(2);
            assertThat(finding.end()).isEqualTo(13);
        });
    }
}
