// `mvn archetype:generate` in interactive mode, as a user at a terminal runs it: Maven asks for
// groupId, artifactId, version and package, shows the defaults of apiType and jwtAuthorizer, and
// the user answers N to change them (HTTP API with the JWT authorizer), then Y. The project must
// come out with those answers everywhere (the batch-mode ITs build the same variant, http-jwt).
File work = new File(basedir, 'target/generated')
work.mkdirs()
String mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
File settings = new File(basedir, '../../it-settings.xml')
assert settings.isFile() : "no ${settings}"
def command = [mvn, '-s', settings.path, "-Dmaven.repo.local=${localRepositoryPath}",
    '-Dstyle.color=never', '--no-transfer-progress',
    'org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate',
    '-DarchetypeGroupId=dev.portico', '-DarchetypeArtifactId=portico-archetype',
    "-DarchetypeVersion=${projectVersion}"]
String answers = [
    'com.acme', 'orders', '', 'com.acme.orders', // groupId, artifactId, version (default), package
    'N',                                          // change the defaults shown
    'http', 'true', '',                           // apiType, jwtAuthorizer, porticoVersion (default)
    'com.acme', 'orders', '', 'com.acme.orders',  // asked again after N
    'Y', ''].join('\n')
def process = new ProcessBuilder(command*.toString()).directory(work).redirectErrorStream(true).start()
process.outputStream.withWriter { it << answers }
String output = process.inputStream.text
process.waitFor()
new File(basedir, 'generate.log').text = output
assert process.exitValue() == 0 : output
assert output.contains('Define value for property \'groupId\'')
assert output.contains('Confirm properties configuration:')
File project = new File(work, 'orders')
String pom = new File(project, 'pom.xml').text
assert pom.contains('<groupId>com.acme</groupId>') && pom.contains('<artifactId>orders</artifactId>')
File sources = new File(project, 'src/main/java/com/acme/orders')
assert sources.isDirectory() && sources.list().any { it.endsWith('Controller.java') }
String template = new File(project, 'template.yaml').text
assert template.contains('AWS::Serverless::HttpApi')
assert template.contains('AuthorizerPayloadFormatVersion')
def unresolved = []
project.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  if (f.text =~ /\$\{(apiType|jwtAuthorizer|porticoVersion|package|groupId|artifactId)\}|__[a-zA-Z]+__/) {
    unresolved << f.path
  }
}
assert unresolved.isEmpty() : "unresolved placeholders in ${unresolved}"
return true
