package org.enquirytriage.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTests {

    @Test
    void shouldMaskAMobileNumberInChineseTextKeepingItsFirstThreeAndLastFourDigits() {
        assertThat(PersonalDataMasker.mask("工地每天施工到凌晨，联系电话13812345678，请尽快处理。"))
                .isEqualTo("工地每天施工到凌晨，联系电话138****5678，请尽快处理。");
    }

    @Test
    void shouldMaskMobileNumbersWrittenWithSpacesDashesOrACountryCode() {
        assertThat(PersonalDataMasker.mask("手机139-1234-5678或者159 8765 4321，也可打+8613712345678"))
                .isEqualTo("手机139****5678或者159****4321，也可打+86137****5678");
    }

    @Test
    void shouldMaskALandlineNumberKeepingItsAreaCode() {
        assertThat(PersonalDataMasker.mask("请拨打0731-88881234或(010) 6552 1234联系我"))
                .isEqualTo("请拨打0731-********或(010) ********联系我");
    }

    @Test
    void shouldMaskAnIdCardNumberWhoseCheckDigitIsRight() {
        assertThat(PersonalDataMasker.mask("我的身份证号430103199001011234，社保一直没到账"))
                .isEqualTo("我的身份证号******************，社保一直没到账");
        assertThat(PersonalDataMasker.mask("身份证11010519491231002X。")).isEqualTo("身份证******************。");
    }

    @Test
    void shouldLeaveAnEighteenDigitNumberWithAWrongCheckDigit() {
        assertThat(PersonalDataRule.isIdCardNumber("430103199001011230")).isFalse();

        assertThat(PersonalDataMasker.mask("合同编号430103199001011230已签")).isEqualTo("合同编号430103199001011230已签");
    }

    @Test
    void shouldMaskABankCardNumberThatPassesLuhnKeepingItsLastFourDigits() {
        assertThat(PersonalDataMasker.mask("工资打到卡号6222021234567890128，至今未到"))
                .isEqualTo("工资打到卡号***************0128，至今未到");
        assertThat(PersonalDataMasker.mask("卡号 6217 0012 3456 7893 已冻结")).isEqualTo("卡号 ************7893 已冻结");
    }

    @Test
    void shouldLeaveALongNumberThatFailsLuhn() {
        assertThat(PersonalDataRule.passesLuhn("6222021234567890127")).isFalse();

        assertThat(PersonalDataMasker.mask("订单号6222021234567890127")).isEqualTo("订单号6222021234567890127");
    }

    @Test
    void shouldMaskAnEmailAddressKeepingItsFirstCharacterAndDomain() {
        assertThat(PersonalDataMasker.mask("回复请发邮件到zhang.wei_88@example.com.cn，谢谢"))
                .isEqualTo("回复请发邮件到z***@example.com.cn，谢谢");
        assertThat(PersonalDataMasker.mask("QQ邮箱13812345678@qq.com")).isEqualTo("QQ邮箱1***@qq.com");
    }

    @Test
    void shouldLeaveDatesAmountsHotlinesAndShortNumbersAlone() {
        String text = "2024年3月1日起，12345热线和400-123-4567都打不通，押金3000元，房号1302。";

        assertThat(PersonalDataMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void shouldMaskALandlineInFullWidthParentheses() {
        assertThat(PersonalDataMasker.mask("请拨打（010）65521234")).isEqualTo("请拨打（010）********");
    }

    @Test
    void shouldMaskANameTheWriterGivesForThemself() {
        assertThat(PersonalDataMasker.mask("我叫张三，住在A3区")).isEqualTo("我叫张*，住在A3区");
        assertThat(PersonalDataMasker.mask("本人李四，电话138****5678")).isEqualTo("本人李*，电话138****5678");
        assertThat(PersonalDataMasker.mask("姓名：王五 地址：A市")).isEqualTo("姓名：王* 地址：A市");
        assertThat(PersonalDataMasker.mask("姓名:欧阳小明。")).isEqualTo("姓名:欧***。");
        assertThat(PersonalDataMasker.mask("联系人：赵六手机号见附件")).isEqualTo("联系人：赵*手机号见附件");
        assertThat(PersonalDataMasker.mask("我是陈小红，家住B区")).isEqualTo("我是陈**，家住B区");
        assertThat(PersonalDataMasker.mask("我叫刘德华今年五十岁")).isEqualTo("我叫刘**今年五十岁");
    }

    @Test
    void shouldLeaveSentencesThatOnlyStartLikeAName() {
        String[] sentences = { "本人每天路过的梅峰河恶臭难闻。", "本人高度关注此事！", "我是一名退休教师，想咨询养老金。",
            "本人于2020年购房，至今未交房。", "我是外地户口，能否办理居住证？" };
        for (String sentence : sentences) {
            assertThat(PersonalDataMasker.mask(sentence)).isEqualTo(sentence);
        }
    }

    @Test
    void shouldMaskEachKindOfNumberWrittenWithTheFewestDigitsItCanHave() {
        assertThat(PersonalDataMasker.mask("电话010-6552123")).isEqualTo("电话010-*******");
        assertThat(PersonalDataMasker.mask("手机13812345678")).isEqualTo("手机138****5678");
        assertThat(PersonalDataMasker.mask("卡号4222222222222")).isEqualTo("卡号*********2222");
        assertThat(PersonalDataMasker.mask("证件11010519491231002X")).isEqualTo("证件******************");
        assertThat(PersonalDataMasker.mask("a@b.cn")).isEqualTo("a***@b.cn");
    }

    @Test
    void shouldLeaveNullAsNull() {
        assertThat(PersonalDataMasker.mask(null)).isNull();
    }
}
