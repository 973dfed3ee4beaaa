module skyledger/tools/gengazetteer

go 1.26

require (
	github.com/golang/geo v0.0.0-20200730024412-e86565bf3f35 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/twpayne/go-geom v1.4.4 // indirect
)

require (
	github.com/sams96/rgeo v1.2.0
	skyledger v0.0.0
)

replace skyledger => ../..
