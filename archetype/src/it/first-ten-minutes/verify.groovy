import groovy.xml.XmlSlurper
// After `mvn verify` of a project set up as README.md says (parent portico-service-parent, one
// dependency, Maven's defaults otherwise): routes generated, tests run, deployment jar tested.
File routes = new File(basedir, 'target/classes/com/example/HelloController_Routes.class')
assert routes.isFile() : 'the annotation processor did not run'
def suite = new XmlSlurper().parse(new File(basedir, 'target/surefire-reports/TEST-com.example.HelloTest.xml'))
assert suite.@tests.text() == '1' && suite.@failures.text() == '0' && suite.@errors.text() == '0'
def it = new XmlSlurper().parse(new File(basedir, 'target/failsafe-reports/TEST-com.example.HelloJarIT.xml'))
assert it.@tests.text() == '1' && it.@failures.text() == '0' && it.@errors.text() == '0'
File jar = new File(basedir, 'target/hello-lambda.jar')
assert jar.isFile()
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('com/example/HelloController_Routes.class')
assert entries.contains('dev/portico/api/ApiHandler.class')
assert entries.contains('META-INF/services/org.slf4j.spi.SLF4JServiceProvider')
assert !entries.any { it.startsWith('org/junit/') || it.startsWith('dev/portico/local/') }
String log = new File(basedir, 'build.log').text
// Maven's defaults elsewhere (no plugin version in the project), the parent's where it matters.
assert log.contains('maven-compiler-plugin:3.14.0:compile')
assert log.contains('maven-surefire-plugin:3.5.4:test')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
