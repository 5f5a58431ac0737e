import groovy.xml.XmlSlurper
// Runs after the generated project's `mvn verify` passed (its tests, the deployment jar under the
// runtime interface client). Checks what tests inside the project cannot: the generated files.
// `basedir` is this IT's directory (archetype.properties, goal.txt); the project is generated
// under project/<artifactId>.
def props = new Properties()
new File(basedir, 'archetype.properties').withInputStream { props.load(it) }
File dir = new File(basedir, "project/${props.artifactId}")
assert dir.isDirectory() : "no generated project at ${dir}"
String artifactId = props.artifactId
String pkg = props.package
boolean http = props.apiType == 'http'
boolean jwt = props.jwtAuthorizer == 'true'

// Nothing left unresolved: no Velocity/Maven ${...} of the archetype's properties, no __x__ names.
def leftovers = []
dir.eachFileRecurse { f ->
  if (f.path.contains("${File.separator}target${File.separator}") || f.name == "build.log") return
  if (f.name.contains('__')) leftovers << "file name ${f}"
  if (f.isFile()) {
    f.text.eachLine { line, n ->
      if (line =~ /\$\{(groupId|artifactId|version|package|apiType|jwtAuthorizer|porticoVersion|dollar|h2)\}/
          || line =~ /__[a-zA-Z]+__/ || line.contains('#if(') || line.contains('#end')
          || line.contains('#set(')) {
        leftovers << "${f}:${n + 1}: ${line}"
      }
    }
  }
}
assert leftovers.isEmpty() : "unresolved archetype text:\n" + leftovers.join('\n')

// The package lands in the directories and the classes; the routes were generated.
String pkgPath = pkg.replace('.', '/')
assert new File(dir, "src/main/java/${pkgPath}/Handler.java").isFile()
assert new File(dir, "src/test/java/${pkgPath}/GreetingControllerTest.java").isFile()
assert new File(dir, "target/classes/${pkgPath}/GreetingController_Routes.class").isFile()
def pom = new XmlSlurper().parse(new File(dir, 'pom.xml'))
assert pom.groupId.text() == props.groupId
assert pom.artifactId.text() == artifactId
assert pom.parent.artifactId.text() == 'portico-service-parent'

// The deployment jar is where the template says, with the handler and an SLF4J backend in it.
File jar = new File(dir, "target/${artifactId}-lambda.jar")
assert jar.isFile()
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains("${pkgPath}/Handler.class".toString())
assert entries.contains('dev/portico/api/ApiHandler.class')
assert entries.contains('org/slf4j/simple/SimpleLogger.class')
assert entries.contains('META-INF/services/org.slf4j.spi.SLF4JServiceProvider')
assert !entries.any { it.startsWith('org/junit/') || it.startsWith('org/mockito/') || it.startsWith('org/eclipse/jetty/') }
assert entries.contains('dev/portico/authorizer/config/ConfiguredAuthorizerHandler.class') == jwt
assert entries.contains('portico-authorizer.yaml') == jwt
assert new File(dir, 'src/main/resources/portico-authorizer.yaml').isFile() == jwt

// The template: runtime, handler, CodeUri, SnapStart, C1 flags, events scoped to the API.
String template = new File(dir, 'template.yaml').text
assert template.contains('Runtime: java21')
assert template.contains("Handler: ${pkg}.Handler::handleRequest")
assert template.contains("CodeUri: target/${artifactId}-lambda.jar")
assert template.contains('AutoPublishAlias: live')
assert template.contains('ApplyOn: PublishedVersions')
assert template.contains('JAVA_TOOL_OPTIONS: "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"')
assert template.contains('Resource: !GetAtt ServiceFunctionLogGroup.Arn')
assert template.contains('!Sub "${AWS::StackName}-api"')
// SAM's permission for each event carries SourceArn = this API's ARN for that method and path,
// which needs every event tied to the API; no hand-written permission without SourceArn.
assert !template.contains('Type: AWS::Lambda::Permission')
if (http) {
  assert template.contains('Type: AWS::Serverless::HttpApi')
  assert (template =~ /ApiId: !Ref ServiceApi/).count == 2
  assert !template.contains('RestApiId')
} else {
  assert template.contains('Type: AWS::Serverless::Api')
  assert (template =~ /RestApiId: !Ref ServiceApi/).count == 2
}
assert template.contains('Handler: dev.portico.authorizer.config.ConfiguredAuthorizerHandler::handleRequest') == jwt
if (jwt && http) {
  assert template.contains('EnableSimpleResponses: true')
  assert template.contains('Headers: [Authorization]')
}
if (jwt && !http) {
  assert template.contains('FunctionPayloadType: TOKEN')
}

// README: the two commands.
String readme = new File(dir, 'README.md').text
assert readme.contains('mvn -B verify\nmvn -q compile exec:exec')
assert readme.startsWith("# ${artifactId}")
return true
