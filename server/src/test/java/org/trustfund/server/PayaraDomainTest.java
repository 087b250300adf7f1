package org.trustfund.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the Payara set-up that need no running server. */
class PayaraDomainTest {

    private static final String DOMAIN_XML = """
            <domain log-root="${com.sun.aas.instanceRoot}/logs">
              <hazelcast-runtime-configuration start-port="18059" das-port="18049"/>
              <configs>
                <config name="server-config">
                  <iiop-service>
                    <iiop-listener address="0.0.0.0" port="18037" id="orb-listener-1"/>
                    <iiop-listener address="0.0.0.0" port="18038" id="SSL"/>
                  </iiop-service>
                  <admin-service system-jmx-connector-name="system">
                    <jmx-connector address="0.0.0.0" port="18086" name="system"/>
                  </admin-service>
                  <security-service>
                    <auth-realm name="file"/>
                  </security-service>
                  <microprofile-metrics-configuration></microprofile-metrics-configuration>
                  <java-config>
                    <jvm-options>-Xmx512m</jvm-options>
                    <jvm-options>-Dtrustfund.demo=true</jvm-options>
                  </java-config>
                  <network-config>
                    <protocols>
                      <protocol name="http-listener-1"><http default-virtual-server="server"/></protocol>
                      <protocol security-enabled="true" name="http-listener-2">
                        <http default-virtual-server="server"/>
                      </protocol>
                      <protocol name="admin-listener"><http default-virtual-server="__asadmin"/></protocol>
                    </protocols>
                    <network-listeners>
                      <network-listener port="18080" protocol="http-listener-1" name="http-listener-1"/>
                      <network-listener port="18081" protocol="http-listener-2" name="http-listener-2"/>
                      <network-listener port="18048" protocol="admin-listener" name="admin-listener"/>
                    </network-listeners>
                  </network-config>
                </config>
                <config name="default-config">
                  <network-config><network-listeners>
                    <network-listener port="${ASADMIN_LISTENER_PORT}" name="admin-listener"/>
                  </network-listeners></network-config>
                </config>
              </configs>
            </domain>
            """;

    @Test
    void domainXmlGetsLocalOnlyListenersRoleMappingAndJvmOptions(@TempDir Path dir) throws IOException {
        Path domainXml = Files.writeString(dir.resolve("domain.xml"), DOMAIN_XML);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("trustfund.demo", "false");
        properties.put("trustfund.credentials.file", "/state dir/first-start-credentials.txt");

        PayaraDomain.configureDomainXml(domainXml, "127.0.0.1", false, properties);

        assertEquals("127.0.0.1", xpath(domainXml, "//config[@name='server-config']//network-listener"
                + "[@name='admin-listener']/@address"));
        assertEquals("127.0.0.1", xpath(domainXml, "//config[@name='server-config']//network-listener"
                + "[@name='http-listener-1']/@address"));
        assertEquals("false", xpath(domainXml, "//config[@name='server-config']//network-listener"
                + "[@name='http-listener-2']/@enabled"), "HTTPS is off unless asked for");
        assertEquals("", xpath(domainXml, "//config[@name='default-config']//network-listener/@address"),
                "only server-config changes");
        assertEquals("127.0.0.1", xpath(domainXml, "//config[@name='server-config']//jmx-connector/@address"));
        assertEquals("0", xpath(domainXml, "count(//iiop-listener[@address != '127.0.0.1'])"));
        assertEquals("127.0.0.1", xpath(domainXml, "/domain/hazelcast-runtime-configuration/@das-bind-address"));
        assertEquals("127.0.0.1", xpath(domainXml, "/domain/hazelcast-runtime-configuration/@interfaces"));
        assertEquals("true", xpath(domainXml,
                "//config[@name='server-config']/security-service/@activate-default-principal-to-role-mapping"));
        assertEquals("-Xmx512m|-Duser.timezone=UTC|-Dproduct.name=|-Dtrustfund.demo=false"
                        + "|-Dtrustfund.credentials.file=/state dir/first-start-credentials.txt",
                jvmOptions(domainXml));
    }

    @Test
    void domainXmlHasNoBannersNoMetricsAndNoJmsBroker(@TempDir Path dir) throws IOException {
        Path domainXml = Files.writeString(dir.resolve("domain.xml"), DOMAIN_XML);

        PayaraDomain.configureDomainXml(domainXml, "127.0.0.1", false, Map.of());

        String config = "//config[@name='server-config']";
        assertEquals("3", xpath(domainXml, "count(" + config + "//protocol/http[@server-header='false'"
                + " and @xpowered-by='false'])"), "every HTTP protocol, admin included, sends no banner");
        assertEquals("false", xpath(domainXml, config + "/microprofile-metrics-configuration/@enabled"));
        assertEquals("DISABLED", xpath(domainXml, config + "/jms-service/@type"));
        assertEquals("default_JMS_host", xpath(domainXml, config + "/jms-service/@default-jms-host"));
        assertEquals("127.0.0.1", xpath(domainXml, config + "/jms-service/jms-host[@name='default_JMS_host']/@host"));
        assertEquals("0", xpath(domainXml, "count(//config[@name='default-config']//jms-service)"));
    }

    @Test
    void anExistingJmsServiceIsSwitchedOffAndPutOnLoopback(@TempDir Path dir) throws IOException {
        Path domainXml = Files.writeString(dir.resolve("domain.xml"), DOMAIN_XML.replace("<java-config>",
                "<jms-service type=\"EMBEDDED\" default-jms-host=\"h\"><jms-host name=\"h\" host=\"localhost\""
                        + " port=\"18076\"/></jms-service><java-config>"));

        PayaraDomain.configureDomainXml(domainXml, "127.0.0.1", false, Map.of());

        String config = "//config[@name='server-config']";
        assertEquals("1", xpath(domainXml, "count(" + config + "/jms-service)"));
        assertEquals("DISABLED", xpath(domainXml, config + "/jms-service/@type"));
        assertEquals("127.0.0.1", xpath(domainXml, config + "/jms-service/jms-host[@name='h']/@host"));
    }

    @Test
    void httpAndHttpsListenOnTheChosenAddressWhenAskedFor(@TempDir Path dir) throws IOException {
        Path domainXml = Files.writeString(dir.resolve("domain.xml"), DOMAIN_XML);

        PayaraDomain.configureDomainXml(domainXml, "0.0.0.0", true, Map.of());

        String listeners = "//config[@name='server-config']//network-listener";
        assertEquals("0.0.0.0", xpath(domainXml, listeners + "[@name='http-listener-1']/@address"));
        assertEquals("0.0.0.0", xpath(domainXml, listeners + "[@name='http-listener-2']/@address"));
        assertEquals("true", xpath(domainXml, listeners + "[@name='http-listener-2']/@enabled"));
        assertEquals("127.0.0.1", xpath(domainXml, listeners + "[@name='admin-listener']/@address"),
                "the admin listener stays local whatever the application's address");
    }

    @Test
    void theDocrootOnlyRedirectsToTheApplication(@TempDir Path dir) throws IOException {
        Path docroot = dir.resolve("docroot");
        Files.createDirectories(docroot.resolve("img"));
        Files.writeString(docroot.resolve("index.html"), "<h1>Hello from Payara</h1>");
        Files.writeString(docroot.resolve("img/logo.png"), "png");

        PayaraDomain.redirectDocrootToApplication(docroot, "/trustfund/");

        try (var files = Files.list(docroot)) {
            assertEquals(List.of("index.jsp"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertTrue(Files.readString(docroot.resolve("index.jsp")).contains("response.sendRedirect(\"/trustfund/\")"));
    }

    @Test
    void addressesMustBeIpLiterals() {
        assertEquals("127.0.0.1", PayaraDomain.requireIpAddress(" 127.0.0.1 ", "bind address"));
        assertEquals("::", PayaraDomain.requireIpAddress("::", "bind address"));
        assertThrows(IllegalArgumentException.class, () -> PayaraDomain.requireIpAddress("example.org", "x"));
        assertThrows(IllegalArgumentException.class, () -> PayaraDomain.requireIpAddress("", "x"));
        assertThrows(IllegalArgumentException.class, () -> PayaraDomain.requireIpAddress("1.2.3.4.5.6", "x"));
        assertEquals("10.0.0.1,::1", TrustfundSystem.normalizeTrustedProxies(" 10.0.0.1 , ::1,"));
        assertEquals("", TrustfundSystem.normalizeTrustedProxies(null));
        assertThrows(IllegalArgumentException.class, () -> TrustfundSystem.normalizeTrustedProxies("proxy.local"));
    }

    @Test
    void theUrlNamesLocalhostUnlessHttpListensOnOneOtherAddress() {
        assertEquals("localhost", PayaraDomain.urlHost("127.0.0.1"));
        assertEquals("localhost", PayaraDomain.urlHost("0.0.0.0"));
        assertEquals("localhost", PayaraDomain.urlHost("::"));
        assertEquals("[::1]", PayaraDomain.urlHost("::1"));
        assertEquals("192.168.1.5", PayaraDomain.urlHost("192.168.1.5"));
    }

    private static String xpath(Path xml, String expression) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(expression, parse(xml));
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    /** The server-config JVM options in order, joined with '|'. */
    private static String jvmOptions(Path xml) {
        try {
            NodeList options = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                    "//config[@name='server-config']/java-config/jvm-options", parse(xml), XPathConstants.NODESET);
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < options.getLength(); i++) {
                joined.append(i == 0 ? "" : "|").append(options.item(i).getTextContent());
            }
            return joined.toString();
        } catch (XPathExpressionException e) {
            throw new AssertionError(e);
        }
    }

    private static Document parse(Path xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void poolPropertyValuesAreEscapedForAMultimodeFile() {
        assertEquals("jdbc\\\\:mysql\\\\://h\\\\:3306/db?a\\\\=1&b\\\\=2",
                Asadmin.propertyValue("jdbc:mysql://h:3306/db?a=1&b=2"));
        assertEquals("back\\\\\\\\slash", Asadmin.propertyValue("back\\slash"));
        assertThrows(IllegalArgumentException.class, () -> Asadmin.propertyValue("say \"hi\""));
    }

    @Test
    void portBasesThatLeaveNoRoomAreRefused() {
        Path any = Path.of("x");
        assertThrows(IllegalArgumentException.class,
                () -> new PayaraDomain.Settings(any, any, any, 65500, "127.0.0.1", false, Map.of(), Map.of()));
    }
}
