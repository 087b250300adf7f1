package org.trustfund.server;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

/**
 * A Payara Server 6 domain named {@value #DOMAIN}, driven through {@code asadmin}. Its files live in one
 * folder:
 *
 * <pre>
 * folder/install/payara6/                      Payara, unzipped once
 * folder/install/template-PORTBASE/trustfund/  a domain as create-domain made it, and its admin password in
 * folder/install/template-PORTBASE/passwordfile  (owner-only); made once per port base and unzip, since
 *                                              create-domain takes ~15 s
 * folder/domains/trustfund/                    the running domain: a fresh copy of the template each start
 * </pre>
 *
 * <p>Before the first start the copy's {@code domain.xml} gets what would otherwise need a restart:
 * <ul>
 * <li>only the listeners a user needs: HTTP ({@code http-listener-1}, base + 80) on the bind address
 *     (127.0.0.1 unless asked otherwise), HTTPS ({@code http-listener-2}, base + 81) off unless asked for, then
 *     on the same address; the admin listener, the JMX connector, IIOP and the Hazelcast data grid on
 *     127.0.0.1; the JMS broker off (the application uses no JMS);</li>
 * <li>no {@code Server} or {@code X-Powered-By} banner on any HTTP listener;</li>
 * <li>MicroProfile Metrics off ({@code /metrics} would show pool names, heap and threads to anyone);</li>
 * <li>default principal-to-role mapping (the application maps Jakarta Security groups to roles by name);</li>
 * <li>the JVM options.</li>
 * </ul>
 * Payara's welcome page in the domain's {@code docroot/} is replaced by a redirect to the application, and the
 * MySQL driver goes into the domain's {@code lib/}.
 */
public final class PayaraDomain implements AutoCloseable {

    public static final String DOMAIN = "trustfund";
    static final String DB_PASSWORD_ALIAS = "trustfund-db";
    static final String MAIL_PASSWORD_ALIAS = "trustfund-smtp";
    /** The mail resource the application looks up (its OutboxSender). */
    static final String MAIL_JNDI_NAME = "mail/trustfund";
    static final String POOL = "TrustfundPool";
    static final String JNDI_NAME = "jdbc/trustfund";

    /** See {@link #createDataSource}. */
    static final int POOL_MAX_WAIT_MILLIS = 5000;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);

    /**
     * What the domain needs.
     *
     * @param payaraZip the Payara Server zip ({@code fish.payara.distributions:payara:zip})
     * @param connectorJar the MySQL Connector/J jar
     * @param folder where Payara is unzipped and the domain lives
     * @param portBase admin = base + 48, HTTP = base + 80, HTTPS = base + 81 (Payara's {@code --portbase})
     * @param bindAddress the IP address HTTP (and HTTPS) listen on, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param https whether the HTTPS listener is on (Payara's self-signed certificate)
     * @param systemProperties JVM system properties of the server ({@code -Dname=value})
     * @param environment variables for the server process only
     */
    public record Settings(Path payaraZip, Path connectorJar, Path folder, int portBase, String bindAddress,
                           boolean https, Map<String, String> systemProperties, Map<String, String> environment) {

        public Settings {
            Objects.requireNonNull(payaraZip, "payaraZip");
            Objects.requireNonNull(connectorJar, "connectorJar");
            Objects.requireNonNull(folder, "folder");
            if (portBase < 1024 || portBase + 100 > 65535) {
                throw new IllegalArgumentException("Port base " + portBase + " is outside 1024..65435");
            }
            bindAddress = requireIpAddress(bindAddress, "bind address");
            systemProperties = Map.copyOf(systemProperties);
            environment = Map.copyOf(environment);
        }
    }

    private final Settings settings;
    private final Path domainsDir;
    private final Asadmin asadmin;
    private boolean stopped;

    private PayaraDomain(Settings settings, Path domainsDir, Asadmin asadmin) {
        this.settings = settings;
        this.domainsDir = domainsDir;
        this.asadmin = asadmin;
    }

    /** Unzips Payara if needed, makes a fresh domain and starts it; the applications are not deployed yet. */
    public static PayaraDomain start(Settings settings) {
        requireFile(settings.payaraZip(), "the Payara zip");
        requireFile(settings.connectorJar(), "the MySQL Connector/J jar");
        Path folder = StateFiles.directory(settings.folder().toAbsolutePath().normalize());
        Path payaraHome = unzipOnce(settings.payaraZip(), folder.resolve("install"));
        Path template = templateDir(folder, settings.portBase());
        Path passwordFile = template.resolve("passwordfile");
        Path domainsDir = folder.resolve("domains");
        Path domainDir = domainsDir.resolve(DOMAIN);
        Path workDir = StateFiles.directory(folder.resolve("work"));
        int adminPort = settings.portBase() + 48;
        Asadmin asadmin = new Asadmin(payaraHome, workDir, passwordFile, adminPort);

        if (!Files.exists(template.resolve(DOMAIN).resolve("config/domain.xml")) || !Files.exists(passwordFile)) {
            createTemplate(asadmin, template, settings.portBase());
        }
        stopLeftover(domainDir);
        requireFreePorts(settings.portBase(), settings.https());
        try {
            StateFiles.deleteTree(domainDir);
            StateFiles.copyTree(template.resolve(DOMAIN), domainDir);
            Files.copy(settings.connectorJar(), domainDir.resolve("lib").resolve(settings.connectorJar().getFileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupException("Cannot prepare the domain in " + domainDir + ": " + e.getMessage(), e);
        }
        configureDomainXml(domainDir.resolve("config/domain.xml"), settings.bindAddress(), settings.https(),
                settings.systemProperties());
        redirectDocrootToApplication(domainDir.resolve("docroot"), TrustfundSystem.CONTEXT_ROOT + "/");

        PayaraDomain domain = new PayaraDomain(settings, domainsDir, asadmin);
        try {
            asadmin.run(START_TIMEOUT, settings.environment(), "start-domain", "--domaindir", domainsDir.toString(), DOMAIN);
        } catch (StartupException e) {
            domain.close();
            throw new StartupException(e.getMessage() + domain.serverLogExcerpt(), e);
        }
        return domain;
    }

    /**
     * Creates the password alias {@value #DB_PASSWORD_ALIAS}, the pool {@value #POOL} (MysqlDataSource with
     * {@code URL}, {@code user} and the aliased password), pings it, and creates {@value #JNDI_NAME}.
     *
     * <p>The pool checks a connection before handing it out and, when one is found broken, closes them all: after
     * the database was restarted every pooled connection is dead, and the first requests would otherwise fail on
     * them one by one. A request waits at most {@value #POOL_MAX_WAIT_MILLIS} ms for a free connection (not the
     * default minute), so that an exhausted or unreachable database is said at once.
     */
    public void createDataSource(DatabaseSettings database) {
        Path passwordFile = settings.folder().toAbsolutePath().resolve("work/alias-passwordfile");
        try {
            writePasswordFile(passwordFile, Map.of(
                    "AS_ADMIN_PASSWORD", readPasswordFile(asadminPasswordFile()).getProperty("AS_ADMIN_PASSWORD"),
                    "AS_ADMIN_ALIASPASSWORD", database.password()));
            String properties = "user=" + Asadmin.propertyValue(database.user())
                    + ":password=${ALIAS=" + DB_PASSWORD_ALIAS + "}"
                    + ":URL=" + Asadmin.propertyValue(database.poolJdbcUrl());
            asadmin.withPasswordFile(passwordFile).multimode(COMMAND_TIMEOUT, List.of(
                    "create-password-alias " + DB_PASSWORD_ALIAS,
                    "create-jdbc-connection-pool --datasourceclassname com.mysql.cj.jdbc.MysqlDataSource"
                            + " --restype javax.sql.DataSource --maxwait " + POOL_MAX_WAIT_MILLIS
                            + " --isconnectvalidatereq=true --validationmethod custom-validation"
                            + " --validationclassname org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
                            + " --failconnection=true --property \"" + properties + "\" " + POOL,
                    "ping-connection-pool " + POOL,
                    "create-jdbc-resource --connectionpoolid " + POOL + " " + JNDI_NAME));
        } finally {
            StateFiles.deleteQuietly(passwordFile);
        }
    }

    /**
     * Creates the {@value #MAIL_JNDI_NAME} mail resource for the SMTP server (before the deployment, which looks it
     * up). Short connect and read timeouts: a mail server that does not answer delays a letter, never a page. The
     * password, if any, is a password alias, as the database's.
     */
    public void createMailResource(MailSettings mail) {
        Path passwordFile = settings.folder().toAbsolutePath().resolve("work/mail-passwordfile");
        try {
            StringBuilder properties = new StringBuilder("mail.smtp.port=" + mail.port()
                    + ":mail.smtp.connectiontimeout=10000:mail.smtp.timeout=20000:mail.smtp.writetimeout=20000");
            if (mail.startTls()) {
                properties.append(":mail.smtp.starttls.enable=true:mail.smtp.starttls.required=true");
            }
            List<String> commands = new java.util.ArrayList<>();
            if (mail.user() != null) {
                writePasswordFile(passwordFile, Map.of(
                        "AS_ADMIN_PASSWORD", readPasswordFile(asadminPasswordFile()).getProperty("AS_ADMIN_PASSWORD"),
                        "AS_ADMIN_ALIASPASSWORD", mail.password()));
                commands.add("create-password-alias " + MAIL_PASSWORD_ALIAS);
                properties.append(":mail.smtp.auth=true:mail.smtp.user=").append(Asadmin.propertyValue(mail.user()))
                        .append(":mail.smtp.password=${ALIAS=" + MAIL_PASSWORD_ALIAS + "}");
            }
            commands.add("create-javamail-resource --mailhost " + mail.host() + " --mailuser "
                    + escapeAddress(mail.user() == null ? "trustfund" : mail.user()) + " --fromaddress "
                    + escapeAddress(mail.from())
                    + " --property \"" + properties + "\" " + MAIL_JNDI_NAME);
            Asadmin admin = mail.user() != null ? asadmin.withPasswordFile(passwordFile) : asadmin;
            admin.multimode(COMMAND_TIMEOUT, commands);
        } finally {
            StateFiles.deleteQuietly(passwordFile);
        }
    }

    /** asadmin reads {@code @} and {@code .} in these options specially unless escaped (its manual's example). */
    static String escapeAddress(String address) {
        if (!address.matches("[A-Za-z0-9._%+@-]+")) {
            throw new StartupException("'" + address + "' may hold only letters, digits and . _ % + @ - here.");
        }
        return address.replace("@", "\\@").replace(".", "\\.");
    }

    /**
     * Deploys the EAR under the name {@code name} and waits until {@code baseUrl() + readinessPath} answers
     * 200.
     *
     * @throws StartupException with the end of {@code server.log} if either fails
     */
    public void deploy(Path ear, String name, String readinessPath, Duration readinessTimeout) {
        requireFile(ear, "the EAR");
        try {
            asadmin.run(DEPLOY_TIMEOUT, Map.of(), "deploy", "--force=true", "--name", name, ear.toAbsolutePath().toString());
        } catch (StartupException e) {
            throw new StartupException("Deploying " + ear + " failed: " + e.getMessage() + serverLogExcerpt(), e);
        }
        String url = baseUrl() + readinessPath;
        Optional<String> failure = awaitHttp200(url, readinessTimeout);
        if (failure.isPresent()) {
            throw new StartupException(url + " did not answer 200 within " + readinessTimeout.toSeconds() + " s ("
                    + failure.get() + ")." + serverLogExcerpt());
        }
    }

    public int adminPort() {
        return settings.portBase() + 48;
    }

    public int httpPort() {
        return settings.portBase() + 80;
    }

    public int httpsPort() {
        return settings.portBase() + 81;
    }

    /**
     * {@code http://localhost:HTTPPORT} without a trailing slash when HTTP listens on loopback or on all
     * interfaces; else the bind address itself, the only one that answers.
     */
    public String baseUrl() {
        return "http://" + urlHost(settings.bindAddress()) + ":" + httpPort();
    }

    static String urlHost(String bindAddress) {
        InetAddress address = parseIpAddress(bindAddress);
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() && address.getAddress().length == 4) {
            return "localhost";
        }
        return address.getAddress().length == 16 ? "[" + bindAddress + "]" : bindAddress;
    }

    /** The server JVM of this domain, while it runs (tests read its sockets). */
    public Optional<ProcessHandle> serverProcess() {
        return serverProcess(domainDir());
    }

    public Path domainDir() {
        return domainsDir.resolve(DOMAIN);
    }

    public Path serverLog() {
        return domainDir().resolve("logs/server.log");
    }

    /**
     * For an error message: the last warnings and errors of {@code server.log} (each cut to 25 lines), or its
     * last 40 lines if it has none. The domain is fresh at every start, so the log is this run's.
     */
    String serverLogExcerpt() {
        List<String> records = new ArrayList<>();
        StringBuilder record = null;
        for (String line : StateFiles.tail(serverLog(), 5000).split("\n")) {
            if (line.startsWith("[") && line.contains("] [Payara ")) {
                record = null;
                if (line.contains("] [SEVERE] ") || line.contains("] [WARNING] ")) {
                    record = new StringBuilder();
                    records.add(null);
                }
            }
            if (record != null) {
                long lines = record.chars().filter(c -> c == '\n').count();
                if (lines < 25) {
                    record.append(line).append('\n');
                } else if (lines == 25) {
                    record.append("\t...\n");
                }
                records.set(records.size() - 1, record.toString());
            }
        }
        String header = "\n--- " + serverLog() + ": ";
        if (records.isEmpty()) {
            return header + "last lines ---\n" + StateFiles.tail(serverLog(), 40);
        }
        return header + "last warnings and errors ---\n"
                + String.join("", records.subList(Math.max(0, records.size() - 5), records.size())).stripTrailing();
    }

    /** The password file with {@code AS_ADMIN_PASSWORD} for {@code asadmin --passwordfile}. */
    public Path asadminPasswordFile() {
        return templateDir(settings.folder().toAbsolutePath().normalize(), settings.portBase()).resolve("passwordfile");
    }

    /** Stops the domain ({@code stop-domain}; kills the server if that fails); does nothing twice. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (serverProcess(domainDir()).isEmpty()) {
            return;
        }
        try {
            asadmin.run(COMMAND_TIMEOUT, Map.of(), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN);
        } catch (StartupException e) {
            System.err.println("stop-domain failed; stopping the server process instead. " + e.getMessage());
        }
        stopLeftover(domainDir());
    }

    // ---------------------------------------------------------------------------------------------------

    private static Path unzipOnce(Path zip, Path installDir) {
        Path marker = installDir.resolve(".unzipped");
        String stamp;
        try {
            stamp = zip.getFileName() + " " + Files.size(zip) + " " + Files.getLastModifiedTime(zip).toMillis();
            if (Files.exists(marker) && Files.readString(marker).equals(stamp)) {
                return installDir.resolve("payara6");
            }
            StateFiles.deleteTree(installDir);
            Files.createDirectories(installDir);
            try (ZipFile zipFile = new ZipFile(zip.toFile())) {
                Enumeration<? extends ZipEntry> entries = zipFile.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    Path target = installDir.resolve(entry.getName()).normalize();
                    if (!target.startsWith(installDir)) {
                        throw new IOException("Zip entry outside the target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        try (InputStream in = zipFile.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        if (target.getParent().getFileName().toString().equals("bin")) {
                            target.toFile().setExecutable(true, true);
                        }
                    }
                }
            }
            Path home = installDir.resolve("payara6");
            if (!Files.exists(home.resolve("bin/asadmin"))) {
                throw new StartupException(zip + " holds no payara6/bin/asadmin: is it the Payara Server zip?");
            }
            Files.writeString(marker, stamp);
            return home;
        } catch (IOException e) {
            throw new StartupException("Cannot unzip " + zip + " into " + installDir + ": " + e.getMessage(), e);
        }
    }

    /** Inside the install folder, so that a new unzip (another Payara) makes new templates too. */
    private static Path templateDir(Path folder, int portBase) {
        return folder.resolve("install").resolve("template-" + portBase);
    }

    private static void createTemplate(Asadmin asadmin, Path template, int portBase) {
        Path partial = template.resolveSibling(template.getFileName() + ".partial");
        try {
            StateFiles.deleteTree(partial);
            StateFiles.deleteTree(template);
            StateFiles.directory(partial);
            Path passwordFile = partial.resolve("passwordfile");
            writePasswordFile(passwordFile, Map.of("AS_ADMIN_PASSWORD", StateFiles.newPassword()));
            asadmin.withPasswordFile(passwordFile).run(COMMAND_TIMEOUT, Map.of(), "create-domain",
                    "--portbase", String.valueOf(portBase), "--domaindir", partial.toString(),
                    "--savelogin=false", "--checkports=false", DOMAIN);
            Files.move(partial, template);
        } catch (IOException e) {
            throw new StartupException("Cannot create the domain template in " + template + ": " + e.getMessage(), e);
        }
    }

    private static void writePasswordFile(Path file, Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        entries.forEach((key, value) -> text.append(key).append('=').append(escapeProperty(value)).append('\n'));
        StateFiles.write(file, text.toString());
    }

    private static String escapeProperty(String value) {
        StringBuilder escaped = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\', ':', '=', '#', '!' -> escaped.append('\\').append(c);
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                default -> escaped.append(c);
            }
        }
        String text = escaped.toString();
        return text.startsWith(" ") ? "\\" + text : text;
    }

    private static java.util.Properties readPasswordFile(Path file) {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Edits the fresh copy of domain.xml so that the first start already has the final configuration. */
    static void configureDomainXml(Path domainXml, String bindAddress, boolean https,
                                   Map<String, String> systemProperties) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document;
            try (InputStream in = Files.newInputStream(domainXml)) {
                document = factory.newDocumentBuilder().parse(in);
            }
            var xpath = XPathFactory.newInstance().newXPath();
            Element config = (Element) xpath.evaluate("/domain/configs/config[@name='server-config']", document,
                    XPathConstants.NODE);
            if (config == null) {
                throw new StartupException(domainXml + " has no server-config");
            }
            element(xpath.evaluate("network-config/network-listeners/network-listener[@name='admin-listener']",
                    config, XPathConstants.NODE), "admin-listener").setAttribute("address", "127.0.0.1");
            element(xpath.evaluate("network-config/network-listeners/network-listener[@name='http-listener-1']",
                    config, XPathConstants.NODE), "http-listener-1").setAttribute("address", bindAddress);
            Element httpsListener = element(xpath.evaluate(
                    "network-config/network-listeners/network-listener[@name='http-listener-2']", config,
                    XPathConstants.NODE), "http-listener-2");
            httpsListener.setAttribute("address", bindAddress);
            httpsListener.setAttribute("enabled", String.valueOf(https));
            // Version banners tell an attacker which CVEs to try; the admin listener needs them no more.
            NodeList httpProtocols = (NodeList) xpath.evaluate("network-config/protocols/protocol/http", config,
                    XPathConstants.NODESET);
            for (int i = 0; i < httpProtocols.getLength(); i++) {
                Element http = (Element) httpProtocols.item(i);
                http.setAttribute("server-header", "false");
                http.setAttribute("xpowered-by", "false");
            }
            configureJms(document, config);
            // /metrics would tell anyone the pool names, heap and threads; nothing here reads it.
            Element metrics = (Element) xpath.evaluate("microprofile-metrics-configuration", config,
                    XPathConstants.NODE);
            if (metrics == null) {
                metrics = (Element) config.appendChild(document.createElement("microprofile-metrics-configuration"));
            }
            metrics.setAttribute("enabled", "false");
            element(xpath.evaluate("admin-service/jmx-connector[@name='system']", config, XPathConstants.NODE),
                    "jmx-connector").setAttribute("address", "127.0.0.1");
            // Remote EJB over IIOP and the data grid of this single server: from this machine only.
            NodeList iiopListeners = (NodeList) xpath.evaluate("iiop-service/iiop-listener", config,
                    XPathConstants.NODESET);
            for (int i = 0; i < iiopListeners.getLength(); i++) {
                ((Element) iiopListeners.item(i)).setAttribute("address", "127.0.0.1");
            }
            Element hazelcast = element(xpath.evaluate("/domain/hazelcast-runtime-configuration", document,
                    XPathConstants.NODE), "hazelcast-runtime-configuration");
            hazelcast.setAttribute("das-bind-address", "127.0.0.1");
            hazelcast.setAttribute("interfaces", "127.0.0.1");
            element(xpath.evaluate("security-service", config, XPathConstants.NODE), "security-service")
                    .setAttribute("activate-default-principal-to-role-mapping", "true");
            Element javaConfig = element(xpath.evaluate("java-config", config, XPathConstants.NODE), "java-config");
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("user.timezone", "UTC");
            // Payara's own error pages (a 404 outside the application, the 403 of /metrics) name the server and
            // its version from this property; empty, they name nothing.
            properties.put("product.name", "");
            properties.putAll(systemProperties);
            NodeList existing = (NodeList) xpath.evaluate("jvm-options", javaConfig, XPathConstants.NODESET);
            List<Node> replaced = new ArrayList<>();
            for (int i = 0; i < existing.getLength(); i++) {
                String option = existing.item(i).getTextContent();
                if (properties.keySet().stream().anyMatch(name -> option.startsWith("-D" + name + "="))) {
                    replaced.add(existing.item(i));
                }
            }
            replaced.forEach(javaConfig::removeChild);
            properties.forEach((name, value) -> {
                Element option = document.createElement("jvm-options");
                option.setTextContent("-D" + name + "=" + value);
                javaConfig.appendChild(option);
            });
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            try (var out = Files.newOutputStream(domainXml)) {
                transformer.transform(new DOMSource(document), new StreamResult(out));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XPathExpressionException | javax.xml.parsers.ParserConfigurationException
                 | org.xml.sax.SAXException | javax.xml.transform.TransformerException e) {
            throw new StartupException("Cannot edit " + domainXml + ": " + e.getMessage(), e);
        }
    }

    /**
     * The application uses no JMS, so the Open MQ broker stays off ({@code type="DISABLED"}, which Payara
     * accepts since 4.1.1.154); its host entry says 127.0.0.1 in case someone switches it back on.
     */
    private static void configureJms(Document document, Element config) {
        NodeList existing = config.getElementsByTagName("jms-service");
        Element jms;
        if (existing.getLength() > 0) {
            jms = (Element) existing.item(0);
        } else {
            jms = document.createElement("jms-service");
            jms.setAttribute("default-jms-host", "default_JMS_host");
            jms.setAttribute("addresslist-behavior", "priority");
            Element host = document.createElement("jms-host");
            host.setAttribute("name", "default_JMS_host");
            host.setAttribute("port", "${JMS_PROVIDER_PORT}");
            host.setAttribute("admin-user-name", "admin");
            host.setAttribute("admin-password", "admin");
            host.setAttribute("lazy-init", "true");
            jms.appendChild(host);
            config.appendChild(jms);
        }
        jms.setAttribute("type", "DISABLED");
        NodeList hosts = jms.getElementsByTagName("jms-host");
        for (int i = 0; i < hosts.getLength(); i++) {
            ((Element) hosts.item(i)).setAttribute("host", "127.0.0.1");
        }
    }

    /**
     * Payara's "your server is now running" page at {@code /} becomes a redirect to the application: the
     * virtual server's {@code redirect_n} property matches prefixes, so "/" would catch every URL; a JSP
     * welcome page of the default web module answers {@code /} alone.
     */
    static void redirectDocrootToApplication(Path docroot, String target) {
        try {
            StateFiles.deleteTree(docroot);
            Files.createDirectories(docroot);
            Files.writeString(docroot.resolve("index.jsp"),
                    "<%@ page session=\"false\" %><% response.sendRedirect(\"" + target + "\"); %>");
        } catch (IOException e) {
            throw new StartupException("Cannot write " + docroot + ": " + e.getMessage(), e);
        }
    }

    private static Element element(Object node, String what) {
        if (!(node instanceof Element element)) {
            throw new StartupException("domain.xml has no " + what + " in server-config");
        }
        return element;
    }

    /** The server JVM running from this domain folder, if any (from the pid file GlassFish writes). */
    private static Optional<ProcessHandle> serverProcess(Path domainDir) {
        Path pidFile = domainDir.resolve("config/pid");
        try {
            return (Files.exists(pidFile) ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.<ProcessHandle>empty())
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().commandLine()
                            .map(cmd -> cmd.contains(domainDir.toString())).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops a server still running from this domain folder, e.g. because the JVM that started it was killed. */
    private static void stopLeftover(Path domainDir) {
        serverProcess(domainDir).ifPresent(handle -> Processes.stop(handle, Duration.ofSeconds(60)));
    }

    private static void requireFreePorts(int portBase, boolean https) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(portBase + 48, "admin");
        ports.put(portBase + 80, "HTTP");
        if (https) {
            ports.put(portBase + 81, "HTTPS");
        }
        ports.forEach((port, what) -> {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress((InetAddress) null, port));
            } catch (IOException e) {
                throw new StartupException("Port " + port + " (" + what + ", port base " + portBase
                        + ") is in use. Stop what uses it, or choose another port base.");
            }
        });
    }

    private static Optional<String> awaitHttp200(String url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Optional.empty();
                }
                last = "HTTP " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
            if (System.nanoTime() > deadline) {
                return Optional.of("last: " + last);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted");
            }
        }
    }

    /**
     * The value if it is an IPv4 or IPv6 literal (a listener binds to an address, and a host name would be
     * looked up in DNS); else IllegalArgumentException naming {@code what}.
     */
    static String requireIpAddress(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is missing");
        }
        parseIpAddress(value.strip(), what);
        return value.strip();
    }

    private static InetAddress parseIpAddress(String value) {
        return parseIpAddress(value, "address");
    }

    private static InetAddress parseIpAddress(String value, String what) {
        // Only digits, dots, hex and colons: InetAddress then parses the literal and never asks DNS.
        if (!value.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException("The " + what + " " + value + " is not an IP address");
        }
        try {
            return InetAddress.getByName(value);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("The " + what + " " + value + " is not an IP address");
        }
    }

    private static void requireFile(Path file, String what) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new StartupException("There is no " + what + " at " + file + ".");
        }
    }
}
