// Without the JWT authorizer the generated service has no authorizer configuration.
def dir = new File(request.outputDirectory, request.artifactId)
if (request.properties.get('jwtAuthorizer') != 'true') {
  new File(dir, 'src/main/resources/portico-authorizer.yaml').delete()
}
