console.log("tension-lens: not yet");
