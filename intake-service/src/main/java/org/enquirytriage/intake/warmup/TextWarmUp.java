package org.enquirytriage.intake.warmup;

import java.io.IOException;
import java.util.List;

import org.enquirytriage.intake.text.TextNormaliser;
import org.enquirytriage.messaging.warmup.WarmUpRunner;
import org.enquirytriage.personaldata.PersonalDataMasker;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads sample enquiries as JSON, normalises and masks their text at start-up, before the service reports ready. A
 * self-test too: a sample whose phone number survives the masking stops the start.
 */
@Component
class TextWarmUp extends WarmUpRunner {

    /** Made-up posts in the channels' style, with the personal data the masker looks for. */
    static final List<String> SAMPLES = List.of(
            "{\"channel\":\"portal\",\"externalId\":\"w-1\",\"subject\":\"夜间施工噪音\","
                    + "\"text\":\"万家丽路工地每天施工到凌晨，电话13812345678，请处理。\"}",
            "{\"channel\":\"portal\",\"externalId\":\"w-2\",\"text\":\"请问灵活就业人员怎么缴纳养老保险？"
                    + "我叫王小明，身份证430102199003077777。\"}",
            "{\"channel\":\"portal\",\"externalId\":\"w-3\",\"subject\":\"欠薪\",\"text\":\"公司拖欠三个月工资，"
                    + "工资卡6222020200112233445，联系邮箱 worker@example.com。\"}",
            "{\"channel\":\"portal\",\"externalId\":\"w-4\",\"text\":\"ＡＢＣ小区　楼道里有燃气味，物业不管，"
                    + "很危险！！请尽快派人来看。联系人：李女士 139-1234-5678\"}");

    private static final String PHONE = "13812345678";

    private final ObjectMapper objectMapper;

    TextWarmUp(ObjectMapper objectMapper, WarmUpProperties properties) {
        super(properties.iterations(), "read, normalised and masked");
        this.objectMapper = objectMapper;
    }

    @Override
    protected void warm(int iteration) throws IOException {
        JsonNode post = objectMapper.readTree(SAMPLES.get(iteration % SAMPLES.size()));
        String masked = PersonalDataMasker.mask(TextNormaliser.normalise(post.path("text").asText()));
        if (masked.contains(PHONE)) {
            throw new IllegalStateException("The masker let a phone number through: " + masked);
        }
        objectMapper.writeValueAsBytes(post);
    }
}
