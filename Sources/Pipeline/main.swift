import ArgumentParser
import Extract

PipelineCommand.main()
