module skyledger

go 1.26
