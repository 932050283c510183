module galley

go 1.26.0

require (
	github.com/go-fonts/liberation v0.3.3
	github.com/go-shiori/go-epub v1.2.1
	github.com/yuin/goldmark v1.8.7
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/text v0.44.0
)

require (
	github.com/gabriel-vasile/mimetype v1.4.3 // indirect
	github.com/gofrs/uuid/v5 v5.0.0 // indirect
	github.com/vincent-petithory/dataurl v1.0.0 // indirect
	golang.org/x/net v0.19.0 // indirect
)
