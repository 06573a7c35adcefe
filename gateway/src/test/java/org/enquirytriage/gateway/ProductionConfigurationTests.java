package org.enquirytriage.gateway;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bson.Document;
import reactor.core.publisher.Mono;
import org.enquirytriage.gateway.channelkey.ApiKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as configured for production: no built-in users or demo keys, staff tokens from an OIDC issuer
 * (a WireMock with a discovery document and a JWK set) relayed unchanged, HSTS behind a TLS proxy.
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gateway.security-headers.hsts-always=true")
class ProductionConfigurationTests {

    @RegisterExtension
    static WireMockExtension services = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension identityProvider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private static final String CLIENT = "enquiry-triage";

    private static KeyPair providerKeys;

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("production"));
        registerTheDemoKeyAsTheLocalProfileDid();
        registry.add("INTAKE_URI", services::baseUrl);
        registry.add("TRIAGE_URI", services::baseUrl);
        registry.add("PUBLISHING_URI", services::baseUrl);
        registry.add("OIDC_ISSUER_URI", identityProvider::baseUrl);
        registry.add("OIDC_AUDIENCE", () -> CLIENT);
    }

    /** A database the local profile used before: its demo key, registered by configuration. */
    private static void registerTheDemoKeyAsTheLocalProfileDid() {
        try (MongoClient mongo = MongoClients.create(InMemoryMongo.uri("production"))) {
            Mono.from(mongo.getDatabase("production").getCollection("channel_keys").insertOne(
                    new Document("_id", "configured-demo-key").append("channel", "portal")
                            .append("keyHash", ApiKeys.hash(Demo.PORTAL_KEY)).append("keyPrefix", "demo-por")
                            .append("createdAt", new Date()).append("createdBy", "configuration")))
                    .block(Duration.ofSeconds(10));
        }
    }

    @Test
    void shouldRevokeAtStartTheKeysThatConfigurationRegistered() {
        try (MongoClient mongo = MongoClients.create(InMemoryMongo.uri("production"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> Mono.from(mongo.getDatabase("production")
                    .getCollection("channel_keys").find(new Document("_id", "configured-demo-key")).first())
                    .block(Duration.ofSeconds(5)).get("revokedAt") != null);
        }
        client.post().uri("/api/enquiries")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "externalId", "x-1", "text", "路灯坏了"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @BeforeAll
    static void makeTheProvidersKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        providerKeys = generator.generateKeyPair();
    }

    @BeforeEach
    void publishTheProvider() {
        String issuer = identityProvider.baseUrl();
        identityProvider.stubFor(get("/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer":"%s","jwks_uri":"%s/jwks","authorization_endpoint":"%s/auth",
                 "token_endpoint":"%s/token","subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}
                """.formatted(issuer, issuer, issuer, issuer))));
        identityProvider.stubFor(get("/jwks").willReturn(okJson(new JWKSet(
                new RSAKey.Builder((RSAPublicKey) providerKeys.getPublic()).keyID("idp").build()).toString())));
        services.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void shouldRelayATokenOfTheOidcIssuerUnchanged() throws Exception {
        String token = providerToken(identityProvider.baseUrl(), List.of("SUPERVISOR"));

        client.get().uri("/api/cases/c-1")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk();

        services.verify(getRequestedFor(urlEqualTo("/api/cases/c-1"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void shouldApplyTheRolesOfAnOidcToken() throws Exception {
        String staff = providerToken(identityProvider.baseUrl(), List.of("STAFF"));

        client.get().uri("/api/audit")
                .headers(headers -> headers.setBearerAuth(staff))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuer() throws Exception {
        String foreign = providerToken("https://elsewhere.example", List.of("ADMIN"));

        client.get().uri("/api/cases/c-1")
                .headers(headers -> headers.setBearerAuth(foreign))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("issuer is not trusted"));
    }

    @Test
    void shouldOfferNoBuiltInLoginAndKnowNoDemoKey() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        client.post().uri("/api/enquiries")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldSendHstsWhenConfiguredBehindTls() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void shouldRefuseAnOidcTokenIssuedForAnotherApplication() throws Exception {
        String elsewhere = providerToken(identityProvider.baseUrl(), List.of("ADMIN"), "another-app");

        client.get().uri("/api/cases/c-1")
                .headers(headers -> headers.setBearerAuth(elsewhere))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseAnEncryptedTokenWith401NotAnError() {
        String jwe = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.AAAA.AAAA.AAAA.AAAA";

        client.get().uri("/api/cases/c-1")
                .headers(headers -> headers.setBearerAuth(jwe))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain("Exception", "trace"));
    }

    private static String providerToken(String issuer, List<String> roles) throws Exception {
        return providerToken(issuer, roles, CLIENT);
    }

    private static String providerToken(String issuer, List<String> roles, String audience) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("9f3c2a")
                .claim("preferred_username", "li.na")
                .claim("roles", roles)
                .claim("department", "transport")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("idp").build(), claims);
        jwt.sign(new RSASSASigner(providerKeys.getPrivate()));
        return jwt.serialize();
    }
}
