package org.enquirytriage.publishing;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The publishing service: turns the questions citizens ask into published answers. */
@SpringBootApplication
@EnableConfigurationProperties({ PublishingProperties.class, PublicationProperties.class })
public class PublishingApplication {

    public static void main(String[] args) {
        SpringApplication.run(PublishingApplication.class, args);
    }
}
