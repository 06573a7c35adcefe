package org.enquirytriage.triage.warmup;

import java.io.IOException;
import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.messaging.warmup.WarmUpRunner;
import org.enquirytriage.triage.classification.Classifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies sample enquiries at start-up, and writes and reads each decision as JSON, before the service reports
 * ready. A self-test too: a classifier that cannot classify stops the start.
 */
@Component
@EnableConfigurationProperties(WarmUpProperties.class)
class ClassifierWarmUp extends WarmUpRunner {

    /** Made-up enquiries in the channels' style, one of each kind and of several topics. */
    static final List<String> SAMPLES = List.of(
            "万家丽路工地每天施工到凌晨，噪音太大影响休息，请处理。",
            "请问灵活就业人员怎么缴纳养老保险？需要带什么材料？",
            "小区楼道里有燃气味，物业不管，很危险，请尽快派人来看。",
            "公司拖欠三个月工资不发，老板联系不上，我们该怎么办？",
            "孩子今年上小学，户口不在本区，入学需要什么手续？",
            "河边有人往河里倒垃圾和污水，气味很重，请环保部门查处。",
            "公交12路晚上十点以后就没有车了，能不能延长运营时间？",
            "医院挂号太难，网上总是约不到号，有没有别的办法？",
            "商场买的家电坏了，商家不给退换，我想投诉。",
            "老人独居，家里停暖两天了，天气很冷，请帮忙联系供暖公司。");

    private final Classifier classifier;
    private final ObjectMapper objectMapper;

    ClassifierWarmUp(Classifier classifier, ObjectMapper objectMapper, WarmUpProperties properties) {
        super(properties.iterations(), "classified");
        this.classifier = classifier;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void warm(int iteration) throws IOException {
        String text = SAMPLES.get(iteration % SAMPLES.size());
        Classification decision = classifier.classify(iteration % 3 == 0 ? null : "市民来信", text);
        Classification read = objectMapper.readValue(objectMapper.writeValueAsBytes(decision), Classification.class);
        if (!read.equals(decision)) {
            throw new IllegalStateException("A classification did not survive its JSON: " + decision);
        }
    }
}
