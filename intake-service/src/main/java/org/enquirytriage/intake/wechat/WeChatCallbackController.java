package org.enquirytriage.intake.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.Contact;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.EnquiryRefusedException;
import org.enquirytriage.intake.enquiry.EnquiryRules;
import org.enquirytriage.intake.enquiry.NewEnquiry;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.text.LogText;
import org.enquirytriage.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The official account's server URL ({@code /api/channels/wechat}): the platform's URL check ({@code GET}, the
 * {@code echostr} echoed once the signature is right) and its messages ({@code POST}, XML, plain or safe mode). A
 * text message is received as an enquiry of channel {@value #CHANNEL}, its {@code MsgId} as the external id (the
 * platform retries a message up to three times: a retry makes no second enquiry), the writer's openid as the
 * contact; other message types and events are acknowledged and not kept. The answer, {@code success}, comes as soon
 * as the enquiry is stored: its event goes to Kafka through the outbox, which is not waited for, well within the
 * platform's 5 seconds. A wrong signature is refused with 401 and nothing is recorded.
 * <p>
 * Against replays and downgrades: a message whose {@code timestamp} is more than {@value #WINDOW_SECONDS} s from now
 * is refused, and so is a second message with the same timestamp and nonce but another body (the platform's own
 * retries, with the same body, pass and make no second enquiry); with an EncodingAESKey configured only safe mode is
 * taken (the AppID is then required, and checked in every message); a message without {@code ToUserName} is refused.
 */
@RestController
@RequestMapping("/api/channels/wechat")
class WeChatCallbackController {

    static final String CHANNEL = "wechat";

    private static final Logger log = LoggerFactory.getLogger(WeChatCallbackController.class);
    private static final String SAFE_MODE = "aes";
    private static final String PLAIN_MODE = "raw";
    private static final String SUCCESS = "success";
    static final long WINDOW_SECONDS = 300;

    private final EnquiryIntake intake;
    private final WeChatCrypto crypto;
    private final boolean configured;
    private final boolean safeModeOnly;
    /** The body's SHA-256 of each (timestamp, nonce) seen within the window. */
    private final Cache<String, String> seenNonces = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(2 * WINDOW_SECONDS)).maximumSize(1_000_000).build();

    WeChatCallbackController(EnquiryIntake intake, IntakeProperties properties) {
        IntakeProperties.WeChat wechat = properties.wechat();
        this.intake = intake;
        this.safeModeOnly = StringUtils.hasText(wechat.aesKey());
        this.configured = wechat.callbackConfigured() && (!safeModeOnly || StringUtils.hasText(wechat.appId()));
        this.crypto = new WeChatCrypto(wechat.token(), wechat.aesKey(), wechat.appId());
    }

    /** The URL check: {@code echostr} back when the signature over token, timestamp and nonce is right. */
    @GetMapping
    ResponseEntity<String> check(@RequestParam(required = false) String signature, @RequestParam String timestamp,
            @RequestParam String nonce, @RequestParam String echostr) {
        requireConfigured();
        if (!crypto.verify(signature, timestamp, nonce)) {
            throw new WeChatSignatureException("The signature does not match token, timestamp and nonce");
        }
        return plainText(echostr);
    }

    /** A message from a citizen, in plain mode or in safe mode ({@code encrypt_type=aes}). */
    @PostMapping
    ResponseEntity<String> receive(@RequestParam(required = false) String signature, @RequestParam String timestamp,
            @RequestParam String nonce, @RequestParam(name = "encrypt_type", required = false) String encryptType,
            @RequestParam(name = "msg_signature", required = false) String msgSignature,
            @RequestBody(required = false) byte[] body) {
        requireConfigured();
        if (body == null || body.length == 0) {
            throw new WeChatMessageException("The body is missing: the platform posts the message as XML");
        }
        if (encryptType != null && !SAFE_MODE.equals(encryptType) && !PLAIN_MODE.equals(encryptType)) {
            throw new WeChatMessageException("encrypt_type must be aes or raw, not " + encryptType);
        }
        requireFresh(timestamp);
        if (safeModeOnly && !SAFE_MODE.equals(encryptType)) {
            throw new WeChatSignatureException("This account takes messages in safe mode only (encrypt_type=aes)");
        }
        Map<String, String> message;
        if (SAFE_MODE.equals(encryptType)) {
            Map<String, String> envelope = SafeXml.fields(body);
            String encrypted = envelope.get("Encrypt");
            if (encrypted == null || encrypted.isBlank()) {
                throw new WeChatMessageException("Safe mode (encrypt_type=aes) needs an Encrypt element");
            }
            if (!crypto.verifyMessage(msgSignature, timestamp, nonce, encrypted)) {
                throw new WeChatSignatureException(
                        "The msg_signature does not match token, timestamp, nonce and the Encrypt element");
            }
            message = SafeXml.fields(crypto.decrypt(encrypted).getBytes(StandardCharsets.UTF_8));
        }
        else if (encryptType == null || PLAIN_MODE.equals(encryptType)) {
            if (!crypto.verify(signature, timestamp, nonce)) {
                throw new WeChatSignatureException("The signature does not match token, timestamp and nonce");
            }
            message = SafeXml.fields(body);
        }
        else {
            throw new WeChatMessageException("encrypt_type must be aes or raw, not " + encryptType);
        }
        requireNewNonce(timestamp, nonce, body);
        receive(message);
        return plainText(SUCCESS);
    }

    private static ResponseEntity<String> plainText(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8)).body(body);
    }

    private void requireFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        }
        catch (NumberFormatException e) {
            throw new WeChatSignatureException("The timestamp is not a number of seconds");
        }
        if (Math.abs(Instant.now().getEpochSecond() - seconds) > WINDOW_SECONDS) {
            throw new WeChatSignatureException("The timestamp is more than " + WINDOW_SECONDS
                    + " seconds from now: a replay, or a clock far off");
        }
    }

    /** Refuses a (timestamp, nonce) seen before with another body: a signed URL replayed with a forged message. */
    private void requireNewNonce(String timestamp, String nonce, byte[] body) {
        String digest = sha256(body);
        String earlier = seenNonces.asMap().putIfAbsent(timestamp.strip() + ":" + nonce, digest);
        if (earlier != null && !earlier.equals(digest)) {
            throw new WeChatSignatureException("This timestamp and nonce came before with another message: a replay");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private void receive(Map<String, String> message) {
        String toUserName = message.get("ToUserName");
        if (toUserName == null || toUserName.isBlank()) {
            throw new WeChatMessageException("A message needs the official account in ToUserName");
        }
        String type = message.get("MsgType");
        if (!"text".equals(type)) {
            log.info("WeChat message of type {} acknowledged and not kept", LogText.safe(type));
            return;
        }
        String msgId = message.get("MsgId");
        if (msgId == null || msgId.isBlank() || msgId.length() > EnquiryRules.MAX_EXTERNAL_ID_LENGTH) {
            throw new WeChatMessageException("A text message needs a MsgId");
        }
        String openid = message.get("FromUserName");
        if (openid == null || openid.isBlank() || openid.length() > 128) {
            throw new WeChatMessageException("A text message needs the writer's openid in FromUserName");
        }
        String content = message.get("Content");
        Receipt receipt;
        try {
            receipt = intake.receive(new NewEnquiry(CHANNEL, msgId.strip(), null, content,
                    createTime(message.get("CreateTime")), new Contact(null, null, null, openid.strip()), null,
                    List.of(), null));
        }
        catch (EnquiryRefusedException e) {
            throw new WeChatMessageException("The Content of message " + msgId + " "
                    + e.refusals().get(0).problem());
        }
        log.info("WeChat message {} is enquiry {}{}", LogText.safe(msgId), receipt.enquiryId(),
                receipt.created() ? "" : " (a retry)");
    }

    private static Instant createTime(String seconds) {
        if (seconds == null || !seconds.strip().matches("\\d{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(seconds.strip()));
    }

    private void requireConfigured() {
        if (!configured) {
            ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "channel-not-configured",
                    "Channel Not Configured", "The WeChat channel is not configured: set WECHAT_TOKEN (and "
                            + "WECHAT_AES_KEY with WECHAT_APP_ID for safe mode).");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        }
    }

    @ExceptionHandler(WeChatSignatureException.class)
    ErrorResponseException badSignature(WeChatSignatureException e) {
        log.warn("WeChat callback refused: {}", e.getMessage());
        return new ErrorResponseException(HttpStatus.UNAUTHORIZED,
                Problems.of(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad Signature", e.getMessage()), e);
    }

    @ExceptionHandler(WeChatMessageException.class)
    ErrorResponseException badMessage(WeChatMessageException e) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.of(HttpStatus.BAD_REQUEST, "malformed-message", "Malformed Message", e.getMessage()), e);
    }
}
