package org.enquirytriage.gateway;

import java.time.Duration;

import org.enquirytriage.gateway.audit.AuditLog;
import org.enquirytriage.gateway.channelkey.ChannelKeyRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the MongoDB indexes of the channel keys and the audit log before the gateway's server starts; the gateway
 * does not start without its database.
 */
@Component
class StorePreparation implements SmartInitializingSingleton {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ChannelKeyRegistry channelKeys;
    private final AuditLog auditLog;

    StorePreparation(ChannelKeyRegistry channelKeys, AuditLog auditLog) {
        this.channelKeys = channelKeys;
        this.auditLog = auditLog;
    }

    @Override
    public void afterSingletonsInstantiated() {
        channelKeys.prepare().then(auditLog.prepare()).block(TIMEOUT);
    }
}
