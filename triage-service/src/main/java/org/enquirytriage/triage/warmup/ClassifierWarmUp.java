package org.enquirytriage.triage.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.triage.classification.Classifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies sample enquiries at start-up, and writes and reads each decision as JSON, before the service reports
 * ready: Spring Boot accepts traffic ({@code readinessState}) only once every runner has finished. A self-test too:
 * a classifier that cannot classify stops the start.
 */
@Component
@EnableConfigurationProperties(WarmUpProperties.class)
class ClassifierWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClassifierWarmUp.class);

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
    private final int iterations;

    ClassifierWarmUp(Classifier classifier, ObjectMapper objectMapper, WarmUpProperties properties) {
        this.classifier = classifier;
        this.objectMapper = objectMapper;
        this.iterations = properties.iterations();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (iterations == 0) {
            return;
        }
        long started = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            String text = SAMPLES.get(i % SAMPLES.size());
            Classification decision = classifier.classify(i % 3 == 0 ? null : "市民来信", text);
            try {
                Classification read = objectMapper.readValue(objectMapper.writeValueAsBytes(decision),
                        Classification.class);
                if (!read.equals(decision)) {
                    throw new IllegalStateException("A classification did not survive its JSON: " + decision);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("A classification could not be written or read as JSON", e);
            }
        }
        log.info("Warmed up: {} enquiries classified in {} ms", iterations, (System.nanoTime() - started) / 1_000_000);
    }
}
