package org.trustfund.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import javax.xml.xpath.XPathExpressionException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
                  <java-config>
                    <jvm-options>-Xmx512m</jvm-options>
                    <jvm-options>-Dtrustfund.demo=true</jvm-options>
                  </java-config>
                  <network-config>
                    <network-listeners>
                      <network-listener port="18080" name="http-listener-1"/>
                      <network-listener port="18048" name="admin-listener"/>
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

        PayaraDomain.configureDomainXml(domainXml, properties);

        assertEquals("127.0.0.1", xpath(domainXml, "//config[@name='server-config']//network-listener"
                + "[@name='admin-listener']/@address"));
        assertEquals("", xpath(domainXml, "//config[@name='server-config']//network-listener"
                + "[@name='http-listener-1']/@address"), "the application's listener is left alone");
        assertEquals("", xpath(domainXml, "//config[@name='default-config']//network-listener/@address"),
                "only server-config changes");
        assertEquals("127.0.0.1", xpath(domainXml, "//config[@name='server-config']//jmx-connector/@address"));
        assertEquals("0", xpath(domainXml, "count(//iiop-listener[@address != '127.0.0.1'])"));
        assertEquals("127.0.0.1", xpath(domainXml, "/domain/hazelcast-runtime-configuration/@das-bind-address"));
        assertEquals("127.0.0.1", xpath(domainXml, "/domain/hazelcast-runtime-configuration/@interfaces"));
        assertEquals("true", xpath(domainXml,
                "//config[@name='server-config']/security-service/@activate-default-principal-to-role-mapping"));
        assertEquals("-Xmx512m|-Duser.timezone=UTC|-Dtrustfund.demo=false"
                        + "|-Dtrustfund.credentials.file=/state dir/first-start-credentials.txt",
                jvmOptions(domainXml));
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
                () -> new PayaraDomain.Settings(any, any, any, 65500, Map.of(), Map.of()));
    }
}
